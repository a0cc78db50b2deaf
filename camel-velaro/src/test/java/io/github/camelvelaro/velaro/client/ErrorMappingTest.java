package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroAuthenticationException;
import io.github.camelvelaro.velaro.exception.VelaroBadRequestException;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.exception.VelaroForbiddenException;
import io.github.camelvelaro.velaro.exception.VelaroMalformedResponseException;
import io.github.camelvelaro.velaro.exception.VelaroNotFoundException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import io.github.camelvelaro.velaro.exception.VelaroServerException;
import java.time.Instant;

import io.github.camelvelaro.velaro.Fixtures;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Every status maps to its exception, carrying the status and what Velaro said. */
class ErrorMappingTest extends VelaroTestSupport {

    @ParameterizedTest
    @CsvSource({
            "400, io.github.camelvelaro.velaro.exception.VelaroBadRequestException",
            "401, io.github.camelvelaro.velaro.exception.VelaroAuthenticationException",
            "403, io.github.camelvelaro.velaro.exception.VelaroForbiddenException",
            "404, io.github.camelvelaro.velaro.exception.VelaroNotFoundException",
            "409, io.github.camelvelaro.velaro.exception.VelaroException",
            "500, io.github.camelvelaro.velaro.exception.VelaroServerException",
            "502, io.github.camelvelaro.velaro.exception.VelaroServerException",
            "503, io.github.camelvelaro.velaro.exception.VelaroServerException" })
    void statusMapsToItsException(int status, String exceptionClass) throws Exception {
        wireMock.stubFor(post("/v1/contacts").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.error("some_code", "Velaro says no"))));

        Exchange out = template.send(velaro("contacts", null), e -> e.getMessage().setBody("{\"email\":\"a@b.co\"}"));

        Throwable e = out.getException();
        assertThat(e).isExactlyInstanceOf(Class.forName(exceptionClass));
        VelaroException ve = (VelaroException) e;
        assertThat(ve.getStatusCode()).isEqualTo(status);
        assertThat(ve.getErrorCode()).isEqualTo("some_code");
        assertThat(ve.getMessage()).startsWith("Velaro answered " + status)
                .contains("POST /contacts").contains("Velaro says no").contains("[code=some_code]");
        // a POST that may have reached Velaro is not repeated
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/contacts")));
    }

    @Test
    void forbiddenNamesTheRequiredScope() {
        wireMock.stubFor(post("/v1/conversations").willReturn(aResponse().withStatus(403).withBody(
                "{\"error\":{\"code\":\"insufficient_scope\",\"message\":\"Key lacks scope\",\"requiredScope\":\"write:conversations\"}}")));

        Exchange out = template.send(velaro("conversations", null), e -> e.getMessage().setBody("{\"message\":\"hi\"}"));

        VelaroForbiddenException e = (VelaroForbiddenException) out.getException();
        assertThat(e.getRequiredScope()).isEqualTo("write:conversations");
        assertThat(e.getMessage()).contains("required scope: write:conversations");
    }

    @Test
    void tooManyRequestsCarriesRetryAt() {
        wireMock.stubFor(get("/v1/conversations/c_1").willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "1900000000")
                .withBody(Fixtures.error("rate_limited", "slow down"))));

        Exchange out = template.send(velaro("conversations", "operation=get&maxRetries=0"),
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1"));

        VelaroRateLimitException e = (VelaroRateLimitException) out.getException();
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getRetryAt()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
    }

    @Test
    void nonJsonErrorBodyIsQuotedUpTo512Characters() {
        String html = "<html>" + "x".repeat(1000) + "</html>";
        wireMock.stubFor(get("/v1/contacts/k_1").willReturn(aResponse().withStatus(502).withBody(html)));

        Exchange out = template.send(velaro("contacts", "operation=get&maxRetries=0"),
                e -> e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_1"));

        String message = out.getException().getMessage();
        assertThat(message).contains("<html>xxx").doesNotContain("</html>");
        String quoted = message.substring(message.indexOf("<html>"));
        assertThat(quoted).hasSize(512 + 1); // 512 characters and the ellipsis
    }

    @Test
    void emptyErrorBodyStillNamesStatusAndRequest() {
        wireMock.stubFor(get("/v1/contacts/k_1").willReturn(aResponse().withStatus(404)));

        Exchange out = template.send(velaro("contacts", "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_1"));

        assertThat(out.getException()).isInstanceOf(VelaroNotFoundException.class)
                .hasMessage("Velaro answered 404 Not Found to GET /contacts/k_1");
    }

    @Test
    void malformedSuccessBodyIsAClearError() {
        wireMock.stubFor(get("/v1/contacts/k_1").willReturn(aResponse().withStatus(200).withBody("{\"id\": oops")));
        wireMock.stubFor(get("/v1/contacts/k_2").willReturn(aResponse().withStatus(200)));

        Exchange broken = template.send(velaro("contacts", "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_1"));
        Exchange empty = template.send(velaro("contacts", "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_2"));

        assertThat(broken.getException()).isInstanceOf(VelaroMalformedResponseException.class)
                .hasMessageStartingWith("Velaro answered 200 to GET /contacts/k_1 with a body that is not a Contact");
        assertThat(empty.getException()).isInstanceOf(VelaroMalformedResponseException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void connectionRefusedIsAConnectionException() {
        String dead = "velaro:contacts?operation=get&maxRetries=0&apiKey=RAW(" + KEY + ")&baseUrl=http://127.0.0.1:1/v1";

        Exchange out = template.send(dead, e -> e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_1"));

        assertThat(out.getException()).isInstanceOf(VelaroConnectionException.class)
                .hasMessageContaining("GET /contacts/k_1 got no response from Velaro");
        assertThat(((VelaroConnectionException) out.getException()).mayHaveReachedVelaro()).isFalse();
    }
}
