package io.github.camelvelaro.example.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a Velaro sandbox before the application and points {@code camel.component.velaro.*} at it with a fresh
 * read-write key. Fields annotated {@link InjectSandbox} receive the sandbox.
 */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    /** Marks a {@link VelaroSandbox} field of a test to receive the running sandbox. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectSandbox {
    }

    private VelaroSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = new VelaroSandbox(SandboxSettings.defaults()).start();
        return Map.of(
                "camel.component.velaro.base-url", sandbox.baseUrl(),
                "camel.component.velaro.api-key", sandbox.createReadWriteKey(),
                "velaro.example.poll-delay", "500");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sandbox, new TestInjector.AnnotatedAndMatchesType(InjectSandbox.class, VelaroSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
