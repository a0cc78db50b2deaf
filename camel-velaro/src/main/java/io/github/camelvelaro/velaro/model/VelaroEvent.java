package io.github.camelvelaro.velaro.model;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * One webhook event: {@code {"id", "type", "createdAt", "data"}} where {@code data} is a {@link Conversation} for
 * {@code conversation.*} events, a {@link Contact} for {@code contact.*} events, and a {@code Map} for types this
 * version does not know (receivers must accept unknown types).
 * <p>
 * ASSUMPTION (webhooks.md): the envelope and the event type names are not documented publicly.
 */
@JsonDeserialize(using = VelaroEvent.Deserializer.class)
public class VelaroEvent extends VelaroModel {

    /** Prefix of the event types whose data is a {@link Conversation}. */
    public static final String CONVERSATION_PREFIX = "conversation.";
    /** Prefix of the event types whose data is a {@link Contact}. */
    public static final String CONTACT_PREFIX = "contact.";

    private String id;
    private String type;
    @IsoInstant
    private Instant createdAt;
    private Object data;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** e.g. {@code conversation.resolved}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The {@link Conversation}, {@link Contact} or (unknown type) {@code Map} the event is about. */
    public Object getData() {
        return data;
    }

    public void setData(Object data) {
        this.data = data;
    }

    /** The conversation of a {@code conversation.*} event, else null. */
    public Conversation getConversation() {
        return data instanceof Conversation c ? c : null;
    }

    /** The contact of a {@code contact.*} event, else null. */
    public Contact getContact() {
        return data instanceof Contact c ? c : null;
    }

    /** The Java type of {@code data} for an event type. */
    public static Class<?> dataTypeFor(String type) {
        if (type != null && type.startsWith(CONVERSATION_PREFIX)) {
            return Conversation.class;
        }
        if (type != null && type.startsWith(CONTACT_PREFIX)) {
            return Contact.class;
        }
        return Map.class;
    }

    /**
     * Types {@code data} by the event type. Streams when {@code type} comes first (Velaro's order); otherwise
     * buffers {@code data} until the type is known.
     */
    static final class Deserializer extends StdDeserializer<VelaroEvent> {
        private static final long serialVersionUID = 1L;
        private static final IsoInstant.Deserializer INSTANT = new IsoInstant.Deserializer();

        Deserializer() {
            super(VelaroEvent.class);
        }

        @Override
        public VelaroEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = p.nextToken();
            }
            if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
                return (VelaroEvent) ctxt.handleUnexpectedToken(VelaroEvent.class, p);
            }
            VelaroEvent event = new VelaroEvent();
            TokenBuffer dataBeforeType = null;
            for (; p.currentToken() == JsonToken.FIELD_NAME; p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                try {
                    switch (field) {
                        // as every model's strings: a scalar as text; an object or array is refused, not read as
                        // fields of the event
                        case "id" -> event.setId(ctxt.readValue(p, String.class));
                        case "type" -> event.setType(ctxt.readValue(p, String.class));
                        case "createdAt" -> event.setCreatedAt(value == JsonToken.VALUE_NULL
                                ? null : INSTANT.deserialize(p, ctxt));
                        case "data" -> {
                            if (value == JsonToken.VALUE_NULL) {
                                event.setData(null);
                            } else if (event.getType() != null) {
                                event.setData(ctxt.readValue(p, dataTypeFor(event.getType())));
                            } else {
                                dataBeforeType = ctxt.bufferAsCopyOfValue(p);
                            }
                        }
                        default -> event.setAdditionalProperty(field, ctxt.readValue(p, Object.class));
                    }
                } catch (JsonMappingException e) {
                    // names the field in the message (this deserializer is the root: Jackson records no path)
                    throw JsonMappingException.wrapWithPath(e, event, field);
                }
            }
            if (dataBeforeType != null) {
                try (JsonParser data = dataBeforeType.asParser(p.getCodec())) {
                    data.nextToken();
                    event.setData(ctxt.readValue(data, dataTypeFor(event.getType())));
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, event, "data");
                }
            }
            return event;
        }
    }
}
