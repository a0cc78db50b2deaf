package io.github.camelvelaro.sandbox;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.velaro.client.VelaroScope;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxExtensionTest {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    @Test
    void theSandboxRunsOnARandomLoopbackPortBeforeTheTests() throws Exception {
        assertThat(sandbox.isRunning()).isTrue();
        URI base = URI.create(sandbox.baseUrl());
        assertThat(base.getScheme()).isEqualTo("http");
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThat(base.getPort()).isEqualTo(sandbox.port()).isPositive();
        assertThat(base.getPath()).isEqualTo("/v1");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", sandbox.port()), 1000);
        }
        String key = sandbox.createKey(VelaroScope.READ_CONVERSATIONS);
        assertThat(new ApiCalls(sandbox.baseUrl()).get("/conversations", key).statusCode()).isEqualTo(200);
        assertThat(sandbox.webhookSecret()).startsWith("whsec_");
        assertThat(sandbox.clock()).isNotNull();
        assertThat(sandbox.faults()).isNotNull();
        assertThat(sandbox.journal()).isNotNull();
    }

    @Test
    void testsCanTakeTheSandboxAsAParameter(VelaroSandbox injected) {
        assertThat(injected).isSameAs(sandbox);
    }

    @Nested
    class InANestedClass {
        @Test
        void theOuterSandboxIsStillRunning(VelaroSandbox injected) {
            assertThat(injected).isSameAs(sandbox);
            assertThat(sandbox.isRunning()).isTrue();
        }
    }

    @Test
    void aStaticExtensionStartsOnceAndStopsWithTheClassThatStartedIt() {
        VelaroSandboxExtension extension = new VelaroSandboxExtension();
        ExtensionContext outer = context("[class:Outer]");
        ExtensionContext nested = context("[class:Outer]/[nested-class:Inner]");

        extension.beforeAll(outer);
        int port = extension.port();
        extension.beforeAll(nested);
        extension.beforeEach(context("[class:Outer]/[nested-class:Inner]/[method:test()]"));
        extension.afterEach(context("[class:Outer]/[nested-class:Inner]/[method:test()]"));
        extension.afterAll(nested);

        assertThat(extension.isRunning()).isTrue();
        assertThat(extension.port()).isEqualTo(port);
        extension.afterAll(outer);
        assertThat(extension.isRunning()).isFalse();
    }

    @Test
    void anInstanceExtensionLivesForOneTest() {
        VelaroSandboxExtension extension = new VelaroSandboxExtension();
        ExtensionContext test = context("[class:C]/[method:t()]");

        extension.beforeEach(test);
        assertThat(extension.isRunning()).isTrue();
        extension.afterEach(test);

        assertThat(extension.isRunning()).isFalse();
        assertThatThrownBy(extension::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStaticExtensionInABaseClassServesEachSubclassInTurnKeepingItsState() {
        VelaroSandboxExtension extension = new VelaroSandboxExtension();
        ExtensionContext first = context("[class:FirstSubclass]");
        ExtensionContext second = context("[class:SecondSubclass]");

        extension.beforeAll(first);
        String key = extension.createReadOnlyKey();
        extension.conversations().create(new CreateConversation("kept"));
        extension.afterAll(first);
        assertThat(extension.isRunning()).isFalse();
        extension.beforeAll(second);

        try {
            assertThat(extension.isRunning()).isTrue();
            HttpResponse<String> list = new ApiCalls(extension.baseUrl()).get("/conversations", key);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(ApiCalls.json(list).path("totalCount").asInt()).isEqualTo(1);
        } finally {
            extension.afterAll(second);
        }
        assertThat(extension.isRunning()).isFalse();
    }

    @Test
    void aSandboxStartsInWellUnderASecond() {
        long started = System.nanoTime();
        try (VelaroSandbox fresh = new VelaroSandbox().start()) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(fresh.isRunning()).isTrue();
            assertThat(took).isLessThan(Duration.ofSeconds(1));
        }
    }

    /** An ExtensionContext that only knows its unique id, which is all the extension asks. */
    private static ExtensionContext context(String uniqueId) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] { ExtensionContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getUniqueId")) {
                        return uniqueId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
