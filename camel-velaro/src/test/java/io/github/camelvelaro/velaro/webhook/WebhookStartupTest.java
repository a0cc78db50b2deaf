package io.github.camelvelaro.velaro.webhook;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Misconfigured webhook consumers do not start; the messages name the options and never show the secret. */
class WebhookStartupTest extends WebhookTestSupport {

    static String allMessages(Throwable t) {
        assertThat(t).as("route start failure").isNotNull();
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    private String startFailure(String uri) {
        Throwable failure = catchThrowable(() -> addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:out");
            }
        }));
        return allMessages(failure);
    }

    @Test
    void eventsNeedASecretUnlessUnsignedIsAllowed() {
        assertThat(startFailure("webhook:velaro:events"))
                .contains("webhook:velaro:events needs option webhookSecret").contains("allowUnsigned=true");
    }

    @Test
    void malformedSecretsAreNamedNotShown() {
        String noPrefix = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(startFailure("webhook:velaro:events?webhookSecret=RAW(" + noPrefix + ")"))
                .contains("Option webhookSecret is not a Standard Webhooks signing secret: it must start with whsec_")
                .doesNotContain("MfKQ9r8GKYq");
        assertThat(startFailure("webhook:velaro:events?webhookPath=/b&webhookSecret=RAW(whsec_MfKQ9r8GKYq*TwjUPD8I)"))
                .contains("is not valid base64").doesNotContain("MfKQ9r8GKYq");
    }

    @Test
    void toleranceBodySizeAndInProgressTimeoutMustBePositive() {
        assertThat(startFailure("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookTolerance=0"))
                .contains("Option webhookTolerance must be a positive duration");
        assertThat(startFailure("webhook:velaro:events?webhookPath=/b&webhookSecret=RAW(" + SECRET + ")&maxBodySize=0"))
                .contains("Option maxBodySize must be a positive number of bytes up to 2147483639, was 0");
        // a body is held as one array
        assertThat(startFailure("webhook:velaro:events?webhookPath=/c&webhookSecret=RAW(" + SECRET
                                + ")&maxBodySize=3000000000"))
                .contains("Option maxBodySize must be a positive number of bytes up to 2147483639, was 3000000000");
        assertThat(startFailure("webhook:velaro:events?webhookPath=/d&webhookSecret=RAW(" + SECRET
                                + ")&inProgressTimeout=0"))
                .contains("Option inProgressTimeout must be a positive duration, was 0 ms");
    }

    @Test
    void completedAndInProgressNeedTwoRepositories() {
        context.getRegistry().bind("one", MemoryIdempotentRepository.memoryIdempotentRepository());
        assertThat(startFailure("webhook:velaro:events?webhookSecret=RAW(" + SECRET
                                + ")&idempotentRepository=#one&inProgressRepository=#one"))
                .contains("Options idempotentRepository and inProgressRepository must be different repositories");
    }

    @Test
    void eventTypesOnlyForEvents() {
        assertThat(startFailure("webhook:velaro:transcripts?allowUnsigned=true&eventTypes=conversation.resolved"))
                .contains("Option eventTypes applies to webhook:velaro:events only");
    }

    @Test
    void onlyEventsAndTranscriptsAreWebhooks() {
        assertThat(startFailure("webhook:velaro:conversations?webhookSecret=RAW(" + SECRET + ")"))
                .contains("velaro:conversations is not delivered by webhooks")
                .doesNotContain(SECRET_KEY_PART);
    }

    @Test
    void plainVelaroEventsPointsToTheWebhookUri() {
        assertThat(startFailure("velaro:events")).contains("use from(\"webhook:velaro:events?webhookSecret=RAW(whsec_…)\")");
    }
}
