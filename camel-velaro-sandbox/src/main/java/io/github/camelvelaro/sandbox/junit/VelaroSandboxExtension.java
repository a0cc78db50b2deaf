package io.github.camelvelaro.sandbox.junit;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link VelaroSandbox} on a random loopback port for the duration of a test class (in a {@code static} field) or
 * of each test (in an instance field):
 * <pre>
 * &#64;RegisterExtension
 * static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();
 *
 * &#64;Test
 * void createsAConversation() {
 *     String key = sandbox.createKey(VelaroScope.WRITE_CONVERSATIONS);
 *     template.sendBody("velaro:conversations?apiKey=" + key + "&amp;baseUrl=" + sandbox.baseUrl(), body);
 *     assertThat(sandbox.conversations().size()).isEqualTo(1);
 * }
 * </pre>
 * It is the sandbox itself, so everything the sandbox offers ({@code baseUrl()}, {@code createKey(…)},
 * {@code webhookSecret()}, {@code registerWebhook(url)}, {@code createWorkflowTrigger(name)}, {@code workflowRuns()},
 * {@code clock()}, {@code faults()}, {@code journal()}, {@code reset()} …) is called on it directly. Test methods can also take a {@link VelaroSandbox} parameter.
 * Nothing is reset between tests unless the test calls {@link #reset()}, e.g. in {@code @BeforeEach}; a static
 * extension in an abstract base class is stopped after each subclass and started again (same data, new port) for the
 * next.
 */
public class VelaroSandboxExtension extends VelaroSandbox
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    // the context that started the sandbox stops it: nested classes see a static extension's callbacks too, and a
    // static extension in a base class serves each subclass in turn
    private String startedBy;

    /** Default settings: loopback, random port, the guide's default limits, a running clock. */
    public VelaroSandboxExtension() {
        this(SandboxSettings.defaults());
    }

    public VelaroSandboxExtension(SandboxSettings settings) {
        super(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startOnce(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startOnce(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    private synchronized void startOnce(ExtensionContext context) {
        if (startedBy == null) {
            start();
            startedBy = context.getUniqueId();
        }
    }

    private synchronized void stopIfStartedBy(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            stop();
            startedBy = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isAssignableFrom(VelaroSandbox.class)
               && parameter.getParameter().getType() != Object.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }
}
