package io.github.camelvelaro.velaro.producer;

import java.util.List;
import java.util.Map;

import io.github.camelvelaro.velaro.Fixtures;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ContactProducerTest extends VelaroTestSupport {

    @Test
    void createPostsTheContact() {
        wireMock.stubFor(post("/v1/contacts").willReturn(aResponse().withStatus(201)
                .withBody(Fixtures.contactJson("k_1", "jane@example.com"))));

        Exchange out = template.send(velaro("contacts", null), e -> e.getMessage().setBody(
                Map.of("name", "Jane Doe", "email", "jane@example.com", "customData", Map.of("tier", "gold"))));

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/contacts"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(
                        "{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"customData\":{\"tier\":\"gold\"}}")));
        Contact c = out.getMessage().getBody(Contact.class);
        assertThat(c.getId()).isEqualTo("k_1");
        assertThat(c.getAdditionalProperty("loyaltyPoints")).isEqualTo(42);
        // +01:00 offset normalised to UTC
        assertThat(c.getUpdatedAt()).hasToString("2026-11-27T08:00:00Z");
        assertThat(out.getMessage().getHeader(VelaroConstants.CONTACT_ID)).isEqualTo("k_1");
    }

    @Test
    void updatePatchesOnlyTheFieldsThatAreSet() {
        wireMock.stubFor(patch(urlEqualTo("/v1/contacts/k_9")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.contactJson("k_9", "jane@example.com"))));
        ContactInput input = new ContactInput();
        input.setCompany("Globex");

        Exchange out = template.send(velaro("contacts", "operation=update"), e -> {
            e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_9");
            e.getMessage().setBody(input);
        });

        assertThat(out.getException()).isNull();
        wireMock.verify(1, patchRequestedFor(urlEqualTo("/v1/contacts/k_9"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("{\"company\":\"Globex\"}")));
        assertThat(out.getMessage().getHeader(VelaroConstants.CONTACT_ID)).isEqualTo("k_9");
    }

    @Test
    void getAndListWithTheEmailFilter() {
        wireMock.stubFor(get("/v1/contacts/k_3").willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.contactJson("k_3", "a@example.com"))));
        wireMock.stubFor(get(urlPathEqualTo("/v1/contacts")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.page(1, 100, false, Fixtures.contactJson("k_3", "a@example.com")))));

        Exchange got = template.send(velaro("contacts", "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_3"));
        Exchange listed = template.send(velaro("contacts", "operation=list"),
                e -> e.getMessage().setHeader(VelaroConstants.CONTACT_EMAIL, "A@Example.com"));

        assertThat(got.getMessage().getBody(Contact.class).getEmail()).isEqualTo("a@example.com");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/contacts"))
                .withQueryParam("email", equalTo("A@Example.com")));
        assertThat(listed.getMessage().getBody(List.class)).hasSize(1);
        assertThat(listed.getMessage().getHeader(VelaroConstants.HAS_MORE)).isEqualTo(false);
    }
}
