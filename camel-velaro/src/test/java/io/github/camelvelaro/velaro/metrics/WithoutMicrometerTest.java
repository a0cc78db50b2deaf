package io.github.camelvelaro.velaro.metrics;

import java.io.File;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.console.VelaroDevConsole;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is optional: on a classpath without it the component sends, counts its requests for the dev console and
 * registers no meter, and no Micrometer class is ever asked for.
 */
class WithoutMicrometerTest {

    @Test
    void theComponentWorksWithoutMicrometerOnTheClasspath() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (URLClassLoader loader = new URLClassLoader(classpathWithoutMicrometer(),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            // Camel finds its services through the thread's context class loader
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            Object result;
            try {
                result = loader.loadClass(Probe.class.getName()).getMethod("run", int.class).invoke(null, closedPort);
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
            assertThat(result).isEqualTo("NOOP true, errors 1, console shows getConversation: true");
        }
    }

    private static URL[] classpathWithoutMicrometer() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer"))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
    }

    /** Runs inside the class loader without Micrometer. */
    public static final class Probe {

        private Probe() {
        }

        public static String run(int closedPort) throws Exception {
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                Exchange out = camel.createProducerTemplate().send("velaro:conversations?operation=get&maxRetries=0"
                                                                   + "&apiKey=RAW(" + VelaroTestSupport.KEY
                                                                   + ")&baseUrl=http://127.0.0.1:" + closedPort + "/v1",
                        e -> e.getMessage().setHeader("CamelVelaroConversationId", "c_1"));
                if (out.getException() == null) {
                    return "the request to a closed port succeeded";
                }
                VelaroActivity activity = camel.getComponent("velaro", VelaroComponent.class).activity();
                VelaroDevConsole console = new VelaroDevConsole();
                console.setCamelContext(camel);
                String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
                return "NOOP " + (activity.meters() == VelaroMetrics.NOOP) + ", errors " + activity.errors().size()
                       + ", console shows getConversation: " + text.contains("getConversation: ");
            }
        }
    }
}
