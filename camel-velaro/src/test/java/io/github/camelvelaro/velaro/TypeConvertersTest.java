package io.github.camelvelaro.velaro;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.VelaroJson;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverter;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The converters shipped in the jar, found through the generated loader. */
class TypeConvertersTest extends CamelTestSupport {

    @Test
    void modelsBecomeJsonStringsAndMaps() throws Exception {
        TypeConverter tc = context.getTypeConverter();
        Conversation c = VelaroJson.mapper().readValue(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z"),
                Conversation.class);

        String json = tc.mandatoryConvertTo(String.class, c);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = tc.mandatoryConvertTo(Map.class, c);

        assertThat(json).contains("\"id\":\"c_1\"").contains("\"updatedAt\":\"2026-11-27T10:15:30Z\"")
                .contains("\"priority\":\"high\"");
        assertThat(map).containsEntry("createdAt", "2026-11-27T10:15:30Z").containsEntry("priority", "high");
        Contact k = new Contact();
        k.setId("k_1");
        k.setCreatedAt(Instant.EPOCH);
        assertThat(tc.mandatoryConvertTo(String.class, k)).isEqualTo("{\"id\":\"k_1\",\"createdAt\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void mapsAndJsonBecomeInputModels() throws Exception {
        TypeConverter tc = context.getTypeConverter();

        CreateConversation fromMap = tc.mandatoryConvertTo(CreateConversation.class,
                Map.of("message", "hi", "customData", Map.of("orderId", "1")));
        ContactInput fromJson = tc.mandatoryConvertTo(ContactInput.class, "{\"email\":\"a@b.co\",\"name\":\"A\"}");
        ContactInput fromBytes = tc.mandatoryConvertTo(ContactInput.class,
                "{\"phone\":\"+1\"}".getBytes(StandardCharsets.UTF_8));
        CreateConversation fromStream = tc.mandatoryConvertTo(CreateConversation.class,
                new ByteArrayInputStream("{\"message\":\"streamed\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(fromMap.getCustomData()).containsEntry("orderId", "1");
        assertThat(fromJson.getName()).isEqualTo("A");
        assertThat(fromBytes.getPhone()).isEqualTo("+1");
        assertThat(fromStream.getMessage()).isEqualTo("streamed");
        assertThatThrownBy(() -> tc.mandatoryConvertTo(ContactInput.class, Map.of("nickname", "x")))
                .isInstanceOf(TypeConversionException.class)
                .hasStackTraceContaining("ContactInput has no field 'nickname'");
    }
}
