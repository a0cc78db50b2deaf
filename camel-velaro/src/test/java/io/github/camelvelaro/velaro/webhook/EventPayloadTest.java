package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Parsing a verified event body: a malformed one fails with an IOException that names the field. */
class EventPayloadTest {

    private final EventPayload payload = new EventPayload(Set.of());

    private VelaroEvent parse(String json) throws IOException {
        return payload.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private Throwable failure(String json) {
        return catchThrowable(() -> parse(json));
    }

    @Test
    void wellFormedEventsAreRead() throws Exception {
        VelaroEvent event = parse(WebhookTestSupport.event("evt_1", "conversation.resolved",
                WebhookTestSupport.conversation("c_1")));
        assertThat(event.getId()).isEqualTo("evt_1");
        assertThat(event.getCreatedAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30Z"));
        assertThat(event.getData()).isInstanceOf(Conversation.class);
        // null and blank are absent values; a number is epoch time, as in every model
        assertThat(parse("{\"id\":null,\"type\":null,\"createdAt\":null}").getId()).isNull();
        assertThat(parse("{\"createdAt\":\"\"}").getCreatedAt()).isNull();
        assertThat(parse("{\"createdAt\":1795774530}").getCreatedAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30Z"));
    }

    @Test
    void aCreatedAtThatIsNotADateIsAMappingFailureNamingTheField() {
        Throwable notADate = failure("{\"id\":\"evt_1\",\"createdAt\":\"yesterday\"}");
        assertThat(notADate).isInstanceOf(JsonMappingException.class);
        assertThat(WebhookHandler.parseFailure((JsonMappingException) notADate))
                .contains("not an ISO-8601 date-time").endsWith("(field createdAt)");
        assertThat(failure("{\"createdAt\":\"2026-02-30T10:00:00Z\"}")).isInstanceOf(JsonMappingException.class);
    }

    @Test
    void objectsAndArraysAreRefusedNotReadAsNestedFields() {
        // before, the object's own fields were read as the event's: this body became event "evt_9" of type "x"
        assertThat(pathOfFailure("{\"id\":{\"id\":\"evt_9\",\"type\":\"x\"},\"type\":\"conversation.resolved\"}"))
                .isEqualTo("field id");
        assertThat(pathOfFailure("{\"id\":[\"evt_9\"]}")).isEqualTo("field id");
        assertThat(pathOfFailure("{\"type\":{\"type\":\"x\"}}")).isEqualTo("field type");
        assertThat(pathOfFailure("{\"type\":[\"x\"]}")).isEqualTo("field type");
        assertThat(pathOfFailure("{\"createdAt\":{\"id\":\"evt_9\"}}")).isEqualTo("field createdAt");
        assertThat(pathOfFailure("{\"createdAt\":[1]}")).isEqualTo("field createdAt");
        assertThat(pathOfFailure("{\"createdAt\":true}")).isEqualTo("field createdAt");
        assertThat(pathOfFailure("{\"type\":\"contact.updated\",\"data\":\"k_1\"}")).isEqualTo("field data");
        assertThat(pathOfFailure("{\"data\":[1],\"type\":\"contact.updated\"}")).isEqualTo("field data");
        assertThat(pathOfFailure("{\"type\":\"contact.updated\",\"data\":{\"createdAt\":\"soon\"}}"))
                .isEqualTo("field data.createdAt");
        // the same rule in the models inside: an object is not taken for the contact's own fields
        assertThat(pathOfFailure("{\"type\":\"contact.updated\",\"data\":{\"createdAt\":{\"id\":\"k_9\"}}}"))
                .isEqualTo("field data.createdAt");
    }

    @Test
    void scalarIdsAndTypesAreTextAsInEveryModel() throws Exception {
        VelaroEvent event = parse("{\"id\":42,\"type\":\"x.y\"}");
        assertThat(event.getId()).isEqualTo("42");
    }

    /** Where the parse failed, as the handler logs it after the reason. */
    private String pathOfFailure(String json) {
        Throwable failure = failure(json);
        assertThat(failure).as(json).isInstanceOf(JsonMappingException.class);
        String logged = WebhookHandler.parseFailure((JsonMappingException) failure);
        return logged.substring(logged.lastIndexOf(" (") + 2, logged.length() - 1);
    }
}
