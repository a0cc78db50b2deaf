package io.github.camelvelaro.sandbox;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelvelaro.sandbox.journal.JournalEntry;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.exception.VelaroAuthenticationException;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.RouteStartedEvent;
import org.apache.camel.impl.event.RouteStoppedEvent;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Velaro's Rotate revokes the old key at once. With the key in a property source (here a vault-like source whose
 * value changes), routes pick up the new key on the first 401 or on a JMX request, without restarting, without losing
 * a request, and pollers keep their cursor.
 */
class SandboxKeyRotationEndToEndTest {

    private static final String PROPERTY = "velaro.api-key";

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    /** Stands in for a vault: the value is read on every lookup and can change under the running context. */
    private final Map<String, String> vault = new ConcurrentHashMap<>();
    private final AtomicInteger routeStartsAndStops = new AtomicInteger();
    private CamelContext camel;
    private ProducerTemplate producer;
    private String key;

    @BeforeEach
    void start() throws Exception {
        sandbox.reset();
        key = sandbox.createReadWriteKey();
        vault.put(PROPERTY, key);
        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
            @Override
            public String getName() {
                return "vault";
            }

            @Override
            public String getProperty(String name) {
                return vault.get(name);
            }
        });
        VelaroComponent velaro = new VelaroComponent();
        velaro.getAccount().setApiKeyProperty(PROPERTY);
        velaro.getAccount().setBaseUrl(sandbox.baseUrl());
        camel.addComponent("velaro", velaro);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("velaro:conversations?initialDelay=0&delay=300&startFrom=beginning").routeId("poller")
                        .to("mock:polled");
                from("direct:create").routeId("create").to("velaro:conversations");
            }
        });
        camel.start();
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(org.apache.camel.spi.CamelEvent event) {
                if (event instanceof RouteStartedEvent || event instanceof RouteStoppedEvent) {
                    routeStartsAndStops.incrementAndGet();
                }
            }
        });
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aRotatedKeyIsTakenOnTheFirst401WithoutLosingARequestOrTheCursor() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(create("Before " + i));
        }
        awaitPolled(created);

        String rotated = sandbox.rotateKey(key); // the old key is refused from now on
        vault.put(PROPERTY, rotated);
        for (int i = 0; i < 3; i++) {
            created.add(create("After " + i)); // through the route: the first one meets the 401
        }
        created.add(sandbox.conversations().create(new CreateConversation("Made in Velaro")).getId());
        awaitPolled(created);

        // every conversation polled exactly once: the poller kept its cursor, nothing was repeated or skipped (two
        // made in the same millisecond come in id order, not in the order they were made)
        assertThat(polledIds()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(routeStartsAndStops).as("route starts and stops after the context started").hasValue(0);
        List<JournalEntry> refused = sandbox.journal().entries(e -> e.status() == 401);
        assertThat(refused).as("401s: at most one per route before the key was renewed").hasSizeBetween(1, 2)
                .allSatisfy(e -> assertThat(e.keyFingerprint()).isEqualTo(VelaroSandbox.fingerprint(key)));
        JournalEntry lastRefused = refused.get(refused.size() - 1);
        assertThat(sandbox.journal().entries(e -> e.time().isAfter(lastRefused.time())))
                .allSatisfy(e -> assertThat(e.keyFingerprint()).isEqualTo(VelaroSandbox.fingerprint(rotated)));
    }

    @Test
    void anOperatorSwapsTheKeyOverJmxBeforeAny401() throws Exception {
        String first = create("Before");
        awaitPolled(List.of(first));

        String rotated = sandbox.rotateKey(key);
        vault.put(PROPERTY, rotated);
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> components = jmx.queryNames(new ObjectName(
                "org.apache.camel:context=" + camel.getManagementName() + ",type=components,name=\"velaro\""), null);
        assertThat(components).hasSize(1);
        Object changed = jmx.invoke(components.iterator().next(), "reloadApiKeys", new Object[0], new String[0]);
        assertThat(changed).isEqualTo(1);

        sandbox.journal().clear();
        String second = create("After");
        awaitPolled(List.of(first, second));
        assertThat(sandbox.journal().entries(e -> e.status() == 401)).isEmpty();
        assertThat(sandbox.journal().entries()).allSatisfy(
                e -> assertThat(e.keyFingerprint()).isEqualTo(VelaroSandbox.fingerprint(rotated)));
    }

    @Test
    void whenTheSourceStillHoldsTheRevokedKeyThe401StandsAfterOneReread() {
        sandbox.rotateKey(key); // nobody updates the vault
        sandbox.journal().clear();

        Throwable failure = catchThrowable(() -> create("Lost?"));

        assertThat(failure).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(VelaroAuthenticationException.class);
        assertThat(failure.getCause().getMessage()).doesNotContain(key);
        assertThat(sandbox.journal().entries("POST", "/conversations")).as("sent once, not repeated").hasSize(1);
    }

    private String create(String message) {
        return producer.requestBody("direct:create", Map.of("message", message), Conversation.class).getId();
    }

    private void awaitPolled(List<String> ids) {
        await().until(() -> polledIds().containsAll(ids));
    }

    private List<String> polledIds() {
        List<String> ids = new ArrayList<>();
        camel.getEndpoint("mock:polled", MockEndpoint.class).getExchanges()
                .forEach(e -> ids.add(e.getMessage().getBody(Conversation.class).getId()));
        return ids;
    }
}
