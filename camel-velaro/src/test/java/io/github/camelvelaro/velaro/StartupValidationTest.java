package io.github.camelvelaro.velaro;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Invalid configuration fails when the route starts, naming the option, never echoing a secret, sending nothing. */
class StartupValidationTest extends VelaroTestSupport {

    private Throwable startRouteTo(String uri) {
        return catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(uri);
            }
        }));
    }

    private void assertFailsToStart(String uri, String expected) {
        Throwable failure = startRouteTo(uri);
        assertThat(failure).as("route start").isNotNull();
        String all = allMessages(failure);
        assertThat(all).contains(expected);
        assertThat(all).doesNotContain(KEY);
        assertThat(requestCount()).isZero();
    }

    static String allMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void missingKey() {
        assertFailsToStart("velaro:conversations?baseUrl=" + baseUrl(), "Option apiKey is required");
    }

    @Test
    void malformedKeyIsMaskedInTheMessage() {
        String tooShort = "vlk_" + "Qw3rTy".repeat(5) + "zZ9x";
        Throwable failure = startRouteTo("velaro:conversations?apiKey=RAW(" + tooShort + ")&baseUrl=" + baseUrl());
        assertThat(allMessages(failure))
                .contains("Option apiKey is not a valid Velaro API key (vlk_…zZ9x)")
                .contains("it has 38 characters instead of 52")
                .doesNotContain(tooShort)
                .doesNotContain("Qw3rTy");
        String wrongPrefix = "sk_live_" + "a".repeat(44);
        assertThat(allMessages(startRouteTo("velaro:contacts?apiKey=RAW(" + wrongPrefix + ")")))
                .contains("it does not start with vlk_").doesNotContain(wrongPrefix);
    }

    @Test
    void scopeNotListed() {
        assertFailsToStart(velaro("contacts", "operation=update&scopes=read:contacts,read:conversations"),
                "velaro:contacts operation update needs the scope write:contacts, which option scopes "
                                                                                                  + "(read:contacts,read:conversations) does not list");
    }

    @Test
    void plainHttpToARemoteHost() {
        assertFailsToStart("velaro:conversations?apiKey=RAW(" + KEY + ")&baseUrl=http://api.velaro.com/v1",
                "Option baseUrl must use https (plain http is allowed only for localhost, 127.0.0.0/8 and [::1])");
        assertFailsToStart("velaro:workflows?triggerUrl=RAW(http://hooks.example.com/wf/abc)",
                "Option triggerUrl must use https");
    }

    @Test
    void triggerUrlIsNeverEchoed() {
        String secretUrl = "ftp://hooks.example.com/wf/V3rySecr3tPath";
        Throwable failure = startRouteTo("velaro:workflows?triggerUrl=RAW(" + secretUrl + ")");
        assertThat(allMessages(failure)).contains("Option triggerUrl must be an absolute https:// URL")
                .doesNotContain("V3rySecr3tPath");
        assertFailsToStart("velaro:workflows", "Option triggerUrl is required for velaro:workflows");
    }

    @Test
    void unknownResourceAndOperation() {
        assertFailsToStart("velaro:tickets?apiKey=RAW(" + KEY + ")",
                "Unknown Velaro resource 'tickets' in velaro:tickets; use one of conversations, contacts, workflows, events, transcripts");
        assertFailsToStart(velaro("conversations", "operation=update"),
                "Option operation=update is not supported by velaro:conversations; use one of create, get, list");
        // an unknown value is refused by Camel's enum conversion, naming the option and the value
        assertFailsToStart(velaro("contacts", "operation=delete"), "Error binding property (operation=delete)");
    }

    @Test
    void enumOptionsAreConvertedWhateverTheirCase() throws Exception {
        assertThat(startRouteTo(velaro("Contacts", "operation=UPDATE"))).isNull();
        VelaroEndpoint endpoint = context.getEndpoint(velaro("CONTACTS", "operation=Update"), VelaroEndpoint.class);
        assertThat(endpoint.getResource()).isEqualTo(VelaroResource.CONTACTS);
        assertThat(endpoint.getConfiguration().getOperation()).isEqualTo(VelaroOperation.UPDATE);
        assertThat(context.getEndpoint(velaro("conversations", "operation=list&status=Resolved"), VelaroEndpoint.class)
                .getConfiguration().getStatus()).isEqualTo(io.github.camelvelaro.velaro.model.ConversationStatus.RESOLVED);
    }

    @Test
    void statusOnContactsIsRefusedByTheProducerAsByThePoller() {
        // the producer's list used to ignore it silently; the poller refused it (PollScheduleTest)
        assertFailsToStart(velaro("contacts", "operation=list&status=open"),
                "Option status filters conversations only; velaro:contacts has no status");
    }

    @Test
    void webhookResourcesAreNotProducers() {
        assertFailsToStart(velaro("events", null),
                "velaro:events receives webhook deliveries and cannot be used in to(...)");
    }

    @Test
    void outOfRangeOptions() {
        assertFailsToStart(velaro("conversations", "operation=list&pageSize=101"),
                "Option pageSize must be between 1 and 100, was 101");
        assertFailsToStart(velaro("conversations", "operation=list&status=closed"),
                "Error binding property (status=closed)");
        assertFailsToStart(velaro("conversations", "rateLimitPerMinute=0"),
                "Option rateLimitPerMinute must be at least 1, was 0");
    }

    @Test
    void loopbackHostsMayUsePlainHttp() throws Exception {
        for (String host : new String[] { "localhost", "127.0.0.1", "127.1.2.3", "[::1]" }) {
            String uri = "velaro:conversations?apiKey=RAW(" + KEY + ")&baseUrl=http://" + host + ":9/v1";
            assertThat(startRouteTo(uri)).as(host).isNull();
            String id = context.getRoutes().get(0).getRouteId();
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
        }
    }
}
