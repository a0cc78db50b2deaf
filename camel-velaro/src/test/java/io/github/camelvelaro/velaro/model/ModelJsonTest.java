package io.github.camelvelaro.velaro.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelvelaro.velaro.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelJsonTest {

    @Test
    void unknownFieldsAreKeptAndWrittenBack() throws Exception {
        Conversation c = VelaroJson.mapper().readValue(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30+02:00"),
                Conversation.class);

        assertThat(c.getUpdatedAt()).isEqualTo(Instant.parse("2026-11-27T08:15:30Z"));
        assertThat(c.getAdditionalProperties()).containsEntry("priority", "high");
        Map<String, Object> map = VelaroJson.toMap(c);
        assertThat(map).containsEntry("priority", "high").containsEntry("updatedAt", "2026-11-27T08:15:30Z")
                .containsEntry("id", "c_1").doesNotContainKey("resolvedAt");
    }

    @Test
    void numericTimestampsAreEpochSecondsOrMillisecondsByMagnitude() throws Exception {
        Conversation seconds = VelaroJson.mapper().readValue(
                "{\"id\":\"c_1\",\"updatedAt\":1795000000}", Conversation.class);
        Conversation millis = VelaroJson.mapper().readValue(
                "{\"id\":\"c_2\",\"updatedAt\":1795000000123}", Conversation.class);

        assertThat(seconds.getUpdatedAt()).isEqualTo(Instant.ofEpochSecond(1_795_000_000L));
        // read as seconds this would be the year 58850
        assertThat(millis.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(1_795_000_000_123L));
    }

    @Test
    void anyObjectMapperWritesInstantsAsIsoStrings() throws Exception {
        // a user's mapper without the JSR-310 module, e.g. behind marshal().json()
        ObjectMapper plain = new ObjectMapper();
        Contact c = new Contact();
        c.setId("k_1");
        c.setUpdatedAt(Instant.parse("2026-11-27T10:15:30Z"));

        String json = plain.writeValueAsString(c);
        Contact back = plain.readValue(json, Contact.class);

        assertThat(json).contains("\"updatedAt\":\"2026-11-27T10:15:30Z\"");
        assertThat(back.getUpdatedAt()).isEqualTo(c.getUpdatedAt());
    }

    @Test
    void eventDataIsTypedByEventType() throws Exception {
        String conversationEvent = "{\"id\":\"evt_1\",\"type\":\"conversation.resolved\",\"createdAt\":\"2026-11-27T10:15:30Z\","
                                   + "\"data\":" + Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z") + ",\"attempt\":2}";
        String contactEvent = "{\"data\":" + Fixtures.contactJson("k_1", "a@b.co") + ",\"type\":\"contact.updated\",\"id\":\"evt_2\"}";
        String unknownEvent = "{\"id\":\"evt_3\",\"type\":\"agent.online\",\"data\":{\"agent\":\"Sam\"}}";

        VelaroEvent e1 = VelaroJson.mapper().readValue(conversationEvent, VelaroEvent.class);
        VelaroEvent e2 = VelaroJson.mapper().readValue(contactEvent, VelaroEvent.class);
        VelaroEvent e3 = VelaroJson.mapper().readValue(unknownEvent, VelaroEvent.class);

        assertThat(e1.getConversation().getId()).isEqualTo("c_1");
        assertThat(e1.getCreatedAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30Z"));
        assertThat(e1.getAdditionalProperty("attempt")).isEqualTo(2);
        assertThat(e2.getContact().getEmail()).isEqualTo("a@b.co"); // data before type in the JSON
        assertThat(e3.getData()).isEqualTo(Map.of("agent", "Sam"));
        assertThat(e3.getConversation()).isNull();
        assertThat(VelaroJson.toMap(e1)).containsEntry("type", "conversation.resolved");
    }

    @Test
    void isoInstantsParseTheUtcFastPathExactlyAsTheGeneralFormatter() {
        String[] samples = { "2026-11-27T10:15:30Z", "2024-02-29T23:59:59.5Z", "1999-12-31T00:00:00.123456789Z",
                             "2026-01-01T00:00:00.000Z", "2026-11-27T10:15:30+02:00", "2026-11-27T10:15:30.25-05:30" };
        for (String s : samples) {
            assertThat(IsoInstant.Deserializer.parse(s)).as(s)
                    .isEqualTo(java.time.OffsetDateTime.parse(s).toInstant());
        }
        for (String bad : new String[] { "2026-11-27 10:15:30Z", "2026-11-27T10:15:30.1234567890Z",
                                         "2026-13-01T00:00:00Z", "yesterday" }) {
            assertThatThrownBy(() -> IsoInstant.Deserializer.parse(bad)).as(bad)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }

    @Test
    void eventsWithOddShapesAreStillTyped() throws Exception {
        VelaroEvent nullData = VelaroJson.mapper().readValue("{\"id\":\"e\",\"type\":\"contact.created\",\"data\":null}",
                VelaroEvent.class);
        VelaroEvent noType = VelaroJson.mapper().readValue("{\"id\":\"e\",\"data\":{\"a\":[1,{\"b\":2}]}}",
                VelaroEvent.class);
        VelaroEvent numericId = VelaroJson.mapper().readValue("{\"id\":42,\"type\":\"x.y\",\"extra\":{\"k\":true}}",
                VelaroEvent.class);

        assertThat(nullData.getData()).isNull();
        assertThat(noType.getData()).isEqualTo(Map.of("a", java.util.List.of(1, Map.of("b", 2))));
        assertThat(numericId.getId()).isEqualTo("42");
        assertThat(numericId.getAdditionalProperty("extra")).isEqualTo(Map.of("k", true));
        assertThatThrownBy(() -> VelaroJson.mapper().readValue("[1]", VelaroEvent.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
    }

    @Test
    void transcriptReadsParticipantsAndMessages() throws Exception {
        String json = """
                {"conversationId":"c_9","startedAt":"2026-11-27T10:00:00Z","endedAt":"2026-11-27T10:20:00Z",
                 "channel":"web","participants":[{"name":"Jane","role":"visitor"},{"name":"Sam","role":"agent"}],
                 "messages":[{"author":"Jane","role":"visitor","text":"Hi","sentAt":"2026-11-27T10:00:01Z","lang":"en"}]}""";

        Transcript t = VelaroJson.mapper().readValue(json, Transcript.class);

        assertThat(t.getParticipants()).extracting(TranscriptParticipant::getRole).containsExactly("visitor", "agent");
        assertThat(t.getMessages().get(0).getText()).isEqualTo("Hi");
        assertThat(t.getMessages().get(0).getAdditionalProperty("lang")).isEqualTo("en");
    }

    @Test
    void inputsAreReadFromEveryJsonCarrier() {
        String json = "{\"message\":\"hi\"}";
        for (Object body : new Object[] { json, json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                          new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                          // what platform-http on Spring Boot delivers: a stream-cached Reader
                                          new org.apache.camel.converter.stream.ReaderCache(json) }) {
            assertThat(VelaroJson.readInput(body, CreateConversation.class).getMessage())
                    .as(body.getClass().getSimpleName()).isEqualTo("hi");
        }
    }

    @Test
    void inputsAreReadStrictly() {
        assertThat(VelaroJson.readInput(Map.of("message", "hi", "x-extra", 1), CreateConversation.class)
                .getAdditionalProperty("x-extra")).isEqualTo(1);
        assertThatThrownBy(() -> VelaroJson.readInput("{\"mail\":\"a@b.co\"}", ContactInput.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ContactInput has no field 'mail'");
        assertThatThrownBy(() -> VelaroJson.readInput("[1,2]", ContactInput.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid ContactInput JSON object");
        assertThatThrownBy(() -> VelaroJson.readInput(Map.of("customData", "oops"), ContactInput.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read as ContactInput");
    }
}
