package io.github.camelvelaro.example.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a Velaro sandbox before the application and points {@code camel.component.velaro.*} at it with a fresh
 * read-write key; registers the application's webhook receiver, on a free port, with the sandbox. Fields annotated {@link InjectSandbox} receive the sandbox.
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
        int webhookPort = freePort();
        sandbox.registerWebhook("http://127.0.0.1:" + webhookPort + WebhookEventsRoute.PATH);
        return Map.of(
                "camel.component.velaro.base-url", sandbox.baseUrl(),
                "camel.component.velaro.api-key", sandbox.createReadWriteKey(),
                "velaro.example.poll-delay", "500",
                "camel.server.port", Integer.toString(webhookPort),
                "velaro.webhook.secret", sandbox.webhookSecret());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
