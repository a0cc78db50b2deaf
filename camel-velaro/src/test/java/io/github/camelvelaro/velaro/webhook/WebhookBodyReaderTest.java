package io.github.camelvelaro.velaro.webhook;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bodies of any engine's type are read exactly, and never beyond the limit. */
class WebhookBodyReaderTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final WebhookBodyReader reader = new WebhookBodyReader(10);

    @BeforeEach
    void start() {
        // the type converters load with the context
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private Message message(Object body) {
        // as the HTTP consumer hands it over: the message of an exchange (which brings the type converters)
        Message message = new DefaultExchange(context).getIn();
        message.setBody(body);
        return message;
    }

    @Test
    void readsBytesStringsAndStreams() throws Exception {
        assertThat(reader.read(message("0123456789".getBytes(StandardCharsets.UTF_8)))).hasSize(10);
        assertThat(reader.read(message("{}"))).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(reader.read(message(new ByteArrayInputStream(new byte[] { 1, 2, 3 })))).containsExactly(1, 2, 3);
        assertThat(reader.read(message(null))).isEmpty();
    }

    @Test
    void refusesAnnouncedLengthBeforeReading() {
        ByteArrayInputStream stream = new ByteArrayInputStream(new byte[5]);
        Message message = message(stream);
        message.setHeader(Exchange.CONTENT_LENGTH, "11");
        assertThat(catchThrowable(() -> reader.read(message))).isInstanceOf(WebhookBodyReader.TooLargeException.class);
        assertThat(stream.available()).as("nothing read").isEqualTo(5);
    }

    @Test
    void readsAStreamNoFurtherThanTheLimit() {
        ByteArrayInputStream stream = new ByteArrayInputStream(new byte[1000]);
        Message message = message(stream);
        message.setHeader(Exchange.CONTENT_LENGTH, "garbage");
        assertThat(catchThrowable(() -> reader.read(message))).isInstanceOf(WebhookBodyReader.TooLargeException.class);
        assertThat(stream.available()).isEqualTo(1000 - 11);
    }

    /**
     * vert.x is optional (not on a Spring Boot application's classpath, for one): without it the reader still loads
     * and reads, never touching the class that needs vert.x.
     */
    @Test
    void readsWithoutVertxOnTheClasspath() throws Exception {
        ClassLoader application = getClass().getClassLoader();
        ClassLoader withoutVertx = new ClassLoader(application) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.vertx.")) {
                    throw new ClassNotFoundException(name);
                }
                if (!name.startsWith(WebhookBodyReader.class.getPackageName() + ".")) {
                    return super.loadClass(name, resolve);
                }
                // the webhook package is defined again here, so that it resolves vert.x through this loader
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null) {
                        try (var in = application.getResourceAsStream(name.replace('.', '/') + ".class")) {
                            byte[] bytes = in.readAllBytes();
                            loaded = defineClass(name, bytes, 0, bytes.length);
                        } catch (java.io.IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return loaded;
                }
            }
        };
        assertThat(catchThrowable(() -> withoutVertx.loadClass("io.vertx.core.http.HttpServerRequest")))
                .isInstanceOf(ClassNotFoundException.class);
        Class<?> type = withoutVertx.loadClass(WebhookBodyReader.class.getName());
        var constructor = type.getDeclaredConstructor(long.class);
        constructor.setAccessible(true);
        var read = type.getDeclaredMethod("read", Message.class);
        read.setAccessible(true);

        Object isolated = constructor.newInstance(10L);
        assertThat((byte[]) read.invoke(isolated, message("{}"))).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat((byte[]) read.invoke(isolated, message(new ByteArrayInputStream(new byte[] { 7 }))))
                .containsExactly(7);
    }
}
