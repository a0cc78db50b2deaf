package io.github.camelvelaro.velaro.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.model.Transcript;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** webhook:velaro:transcripts, signed and (with allowUnsigned=true) unsigned. */
class WebhookTranscriptsTest extends WebhookTestSupport {

    private static final String PATH = "/velaro/transcripts";

    private MockEndpoint route(String options) throws Exception {
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:transcripts?webhookPath=" + PATH + "&" + options).to("mock:transcripts");
            }
        });
        return getMockEndpoint("mock:transcripts");
    }

    private HttpResponse<String> postUnsigned(String body) throws Exception {
        return post(PATH, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void unsignedTranscriptsWhenAllowed() throws Exception {
        MockEndpoint transcripts = route("allowUnsigned=true");

        HttpResponse<String> response = postUnsigned(transcript("c_42", "2026-11-27T10:20:00Z"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        Exchange received = transcripts.getReceivedExchanges().get(0);
        Transcript transcript = received.getMessage().getBody(Transcript.class);
        assertThat(transcript.getConversationId()).isEqualTo("c_42");
        assertThat(transcript.getParticipants()).extracting(p -> p.getRole()).containsExactly("visitor", "agent");
        assertThat(transcript.getMessages()).hasSize(1);
        assertThat(received.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo("c_42");
    }

    @Test
    void unsignedRedeliveriesAreDeduplicatedByConversationAndEnd() throws Exception {
        MockEndpoint transcripts = route("allowUnsigned=true");

        assertThat(postUnsigned(transcript("c_42", "2026-11-27T10:20:00Z")).statusCode()).isEqualTo(204);
        assertThat(postUnsigned(transcript("c_42", "2026-11-27T10:20:00Z")).statusCode()).isEqualTo(204);
        // reopened and ended again: a new transcript, not a redelivery
        assertThat(postUnsigned(transcript("c_42", "2026-11-28T09:00:00Z")).statusCode()).isEqualTo(204);
        assertThat(postUnsigned(transcript("c_43", "2026-11-27T10:20:00Z")).statusCode()).isEqualTo(204);

        assertThat(transcripts.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(Transcript.class).getConversationId() + "@"
                                 + e.getMessage().getBody(Transcript.class).getEndedAt())
                .containsExactly("c_42@2026-11-27T10:20:00Z", "c_42@2026-11-28T09:00:00Z", "c_43@2026-11-27T10:20:00Z");
    }

    @Test
    void signedTranscriptsAreVerified() throws Exception {
        MockEndpoint transcripts = route("webhookSecret=RAW(" + SECRET + ")");
        String body = transcript("c_42", "2026-11-27T10:20:00Z");

        assertThat(postUnsigned(body).statusCode()).isEqualTo(401);
        long now = NOW.getEpochSecond();
        assertThat(deliver(PATH, body, "tr_1", now, sign(SECRET, "tr_1", now, body.replace("Hi", "Ho"))).statusCode())
                .isEqualTo(401);
        assertThat(transcripts.getReceivedCounter()).isZero();

        assertThat(deliverSigned(PATH, body, "tr_1").statusCode()).isEqualTo(204);
        assertThat(deliverSigned(PATH, body, "tr_1").statusCode()).isEqualTo(204);
        assertThat(transcripts.getReceivedCounter()).isEqualTo(1);
        assertThat(transcripts.getReceivedExchanges().get(0).getMessage().getHeader(VelaroConstants.CONVERSATION_ID))
                .isEqualTo("c_42");
    }

    @Test
    void malformedTranscriptGets400() throws Exception {
        MockEndpoint transcripts = route("allowUnsigned=true");
        assertThat(postUnsigned("{\"conversationId\": \"c_1\", \"endedAt\": \"not a time\"}").statusCode()).isEqualTo(400);
        assertThat(postUnsigned("{").statusCode()).isEqualTo(400);
        assertThat(transcripts.getReceivedCounter()).isZero();
    }

    @Test
    void refusesToStartWithoutSecretOrAllowUnsigned() {
        Throwable failure = catchThrowable(() -> route("webhookTolerance=60000"));
        assertThat(WebhookStartupTest.allMessages(failure))
                .contains("webhook:velaro:transcripts needs option webhookSecret")
                .contains("set allowUnsigned=true");
    }
}
