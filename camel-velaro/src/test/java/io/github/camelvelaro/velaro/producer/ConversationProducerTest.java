package io.github.camelvelaro.velaro.producer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.camelvelaro.velaro.Fixtures;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.client.VelaroVersion;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ConversationProducerTest extends VelaroTestSupport {

    private static final String CREATE_JSON = """
            {"visitorName":"Jane Doe","visitorEmail":"jane@example.com","channel":"web",
             "message":"Hi, I have a question about my order","customData":{"orderId":"12345"}}""";

    @Test
    void createSendsTheGuideExampleAndReturnsTheConversation() {
        wireMock.stubFor(post("/v1/conversations").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-RateLimit-Remaining", "59")
                .withHeader("X-RateLimit-Reset", "1795000000")
                .withBody(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z"))));

        Exchange out = template.send(velaro("conversations", null), e -> e.getMessage().setBody(CREATE_JSON));

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/conversations"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("camel-velaro/" + VelaroVersion.version()))
                .withRequestBody(equalToJson(CREATE_JSON)));
        Conversation c = out.getMessage().getBody(Conversation.class);
        assertThat(c.getId()).isEqualTo("c_1");
        assertThat(c.getStatus()).isEqualTo("open");
        assertThat(c.getCreatedAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30Z"));
        assertThat(c.getCustomData()).containsEntry("orderId", "12345");
        assertThat(c.getAdditionalProperty("priority")).isEqualTo("high");
        assertThat(out.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo("c_1");
        assertThat(out.getMessage().getHeader(VelaroConstants.RATE_LIMIT_REMAINING)).isEqualTo(59);
        assertThat(out.getMessage().getHeader(VelaroConstants.RATE_LIMIT_RESET))
                .isEqualTo(Instant.ofEpochSecond(1_795_000_000L));
        assertThat(VelaroVersion.version()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void createAcceptsAMapAndTheModel() {
        wireMock.stubFor(post("/v1/conversations").willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.conversationJson("c_2", "2026-11-27T10:15:30Z"))));

        template.sendBody(velaro("conversations", "operation=create"),
                Map.of("message", "From a map", "channel", "sms"));
        CreateConversation model = new CreateConversation("From a model");
        model.setVisitorEmail("joe@example.org");
        template.sendBody(velaro("conversations", null), model);

        wireMock.verify(postRequestedFor(urlEqualTo("/v1/conversations"))
                .withRequestBody(equalToJson("{\"message\":\"From a map\",\"channel\":\"sms\"}")));
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/conversations"))
                .withRequestBody(equalToJson("{\"message\":\"From a model\",\"visitorEmail\":\"joe@example.org\"}")));
    }

    @Test
    void getReadsTheIdHeaderAndEncodesIt() {
        wireMock.stubFor(get("/v1/conversations/c%2F7%20x").willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.conversationJson("c/7 x", "2026-11-27T11:00:00Z"))));

        Exchange out = template.send(velaro("conversations", "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c/7 x"));

        assertThat(out.getException()).isNull();
        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/conversations/c%2F7%20x"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
        assertThat(out.getMessage().getBody(Conversation.class).getUpdatedAt())
                .isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
    }

    @Test
    void listReturnsOnePageWithPagingHeaders() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.page(3, 2, true,
                        Fixtures.conversationJson("c_5", "2026-11-27T10:00:00Z"),
                        Fixtures.conversationJson("c_6", "2026-11-27T10:01:00Z")))));

        Exchange out = template.send(velaro("conversations", "operation=list&pageSize=2&status=resolved"), e -> {
            e.getMessage().setHeader(VelaroConstants.PAGE, 3);
            e.getMessage().setHeader(VelaroConstants.UPDATED_SINCE, "2026-11-27T09:00:00Z");
        });

        assertThat(out.getException()).isNull();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/conversations"))
                .withQueryParam("page", equalTo("3"))
                .withQueryParam("pageSize", equalTo("2"))
                .withQueryParam("status", equalTo("resolved"))
                .withQueryParam("updatedSince", equalTo("2026-11-27T09:00:00Z"))
                .withQueryParam("email", absent()));
        List<?> list = out.getMessage().getBody(List.class);
        assertThat(list).hasSize(2).allMatch(Conversation.class::isInstance);
        assertThat(((Conversation) list.get(1)).getId()).isEqualTo("c_6");
        assertThat(out.getMessage().getHeader(VelaroConstants.HAS_MORE)).isEqualTo(true);
        assertThat(out.getMessage().getHeader(VelaroConstants.PAGE)).isEqualTo(3);
        assertThat(out.getMessage().getHeader(VelaroConstants.TOTAL_COUNT)).isEqualTo(102);
    }

    @Test
    void operationHeaderOverridesTheEndpointOperation() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.page(1, 100, false))));

        Exchange out = template.send(velaro("conversations", null),
                e -> e.getMessage().setHeader(VelaroConstants.OPERATION, "list"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).isEmpty();
        assertThat(out.getMessage().getHeader(VelaroConstants.HAS_MORE)).isEqualTo(false);
        wireMock.verify(1, WireMock.getRequestedFor(urlPathEqualTo("/v1/conversations"))
                .withQueryParam("page", equalTo("1")).withQueryParam("pageSize", equalTo("100")));
    }
}
