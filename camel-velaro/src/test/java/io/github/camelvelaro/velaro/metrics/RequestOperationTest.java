package io.github.camelvelaro.velaro.metrics;

import java.util.Map;

import io.github.camelvelaro.velaro.client.VelaroRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operation tag: named as the API client names it, never with an id. */
class RequestOperationTest {

    private static String of(String method, String path) {
        return RequestOperation.of(VelaroRequest.api(method, path, Map.of("page", "2"), null));
    }

    @Test
    void eachRequestOfTheClientHasItsOperation() {
        assertThat(of("GET", "/conversations")).isEqualTo("listConversations");
        assertThat(of("GET", "/conversations/c%2F7%20x")).isEqualTo("getConversation");
        assertThat(of("POST", "/conversations")).isEqualTo("createConversation");
        assertThat(of("GET", "/contacts")).isEqualTo("listContacts");
        assertThat(of("GET", "/contacts/k_1")).isEqualTo("getContact");
        assertThat(of("POST", "/contacts")).isEqualTo("createContact");
        assertThat(of("PATCH", "/contacts/k_1")).isEqualTo("updateContact");
    }
}
