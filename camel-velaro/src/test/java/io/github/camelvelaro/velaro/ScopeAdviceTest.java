package io.github.camelvelaro.velaro;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege, advised: declared scopes no route needs are named in a WARN at start and in health details. */
class ScopeAdviceTest extends VelaroTestSupport {

    private static final String ALL_SCOPES = "read:conversations,write:conversations,read:contacts,write:contacts";
    private static final String OTHER_KEY = "vlk_" + "Zy9xW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7zY6xW5vU4";

    @Test
    void declaredScopesThatNoRouteNeedsAreNamedInAWarnAndInHealthDetails() throws Exception {
        try (LogCapture log = LogCapture.all(); CamelContext camel = context(ALL_SCOPES)) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").to("velaro:conversations");
                    from("velaro:conversations?initialDelay=3600000").routeId("poller").to("log:polled");
                    from("direct:contact").to("velaro:contacts?operation=get");
                }
            });
            camel.start();

            String warn = "Velaro key " + MASKED_KEY + " declares write:contacts that no route needs (the routes need "
                          + "read:conversations, write:conversations, read:contacts)";
            assertThat(log.lines()).filteredOn(l -> l.contains("declares")).singleElement().asString().contains(warn);
            assertThat(log.text()).doesNotContain(KEY);

            Map<String, Object> details = scopesHealth(camel).getDetails();
            assertThat(details).containsEntry("velaro.scopes." + MASKED_KEY + ".declared", ALL_SCOPES.replace(",", ", "))
                    .containsEntry("velaro.scopes." + MASKED_KEY + ".needed",
                            "read:conversations, write:conversations, read:contacts")
                    .containsEntry("velaro.scopes." + MASKED_KEY + ".unused", "write:contacts");
            assertThat(details.toString()).doesNotContain(KEY);
            assertThat(scopesHealth(camel).getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void noWarnWhenEveryDeclaredScopeIsUsedAndKeysAreAdvisedApart() throws Exception {
        try (LogCapture log = LogCapture.all(); CamelContext camel = context("read:conversations")) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("velaro:conversations?initialDelay=3600000").to("log:polled");
                    // another key, declaring its own scopes on the endpoint: advised on its own
                    from("direct:contact").to("velaro:contacts?operation=list&apiKey=RAW(" + OTHER_KEY
                                              + ")&scopes=read:contacts,write:contacts");
                }
            });
            camel.start();

            assertThat(log.lines()).filteredOn(l -> l.contains("declares")).singleElement().asString()
                    .contains("Velaro key vlk_…vU4".replace("vU4", OTHER_KEY.substring(OTHER_KEY.length() - 4))
                              + " declares write:contacts that no route needs (the routes need read:contacts)");
            Map<String, Object> details = scopesHealth(camel).getDetails();
            assertThat(details).containsEntry("velaro.scopes." + MASKED_KEY + ".unused", "");
        }
    }

    @Test
    void withoutDeclaredScopesThereIsNothingToAdvise() throws Exception {
        try (LogCapture log = LogCapture.all(); CamelContext camel = context(null)) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").to("velaro:conversations");
                }
            });
            camel.start();
            assertThat(log.text()).doesNotContain("declares");
            assertThat(scopesHealth(camel).getDetails().keySet()).noneMatch(k -> k.startsWith("velaro.scopes."));
        }
    }

    private static CamelContext context(String scopes) {
        CamelContext camel = new DefaultCamelContext();
        VelaroComponent velaro = new VelaroComponent();
        velaro.getAccount().setApiKey(KEY);
        velaro.getAccount().setBaseUrl(baseUrl());
        velaro.getAccount().setScopes(scopes);
        camel.addComponent("velaro", velaro);
        return camel;
    }

    private static HealthCheck.Result scopesHealth(CamelContext camel) {
        return HealthCheckHelper.invoke(camel).stream().filter(r -> r.getCheck().getId().equals(ScopesHealthCheck.ID))
                .findFirst().orElseThrow(() -> new AssertionError("no health check " + ScopesHealthCheck.ID));
    }
}
