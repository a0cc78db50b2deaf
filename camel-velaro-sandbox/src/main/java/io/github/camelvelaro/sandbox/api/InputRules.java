package io.github.camelvelaro.sandbox.api;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.VelaroJson;

/**
 * Server-side checks of request bodies against the schemas of openapi.yaml ({@code CreateConversation},
 * {@code ContactInput}), on the JSON itself so that a wrong type ({@code "message": 5}) is refused rather than
 * coerced. Independent of the component's own client-side validation on purpose: the sandbox is the referee.
 */
final class InputRules {

    private static final Set<String> CONTACT_FIELDS = Set.of("name", "email", "phone", "company", "customData");
    // deliberately simple, like the "format: email" checks of most servers: one @, no spaces, a dot in the domain
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private InputRules() {
    }

    static CreateConversation createConversation(byte[] body) {
        ObjectNode json = object(body);
        JsonNode message = json.get("message");
        if (message == null || message.isNull()) {
            throw ApiError.badRequest("message is required");
        }
        string(json, "message", 1, 10_000);
        string(json, "visitorName", 0, 200);
        email(json, "visitorEmail");
        string(json, "channel", 0, Integer.MAX_VALUE);
        object(json, "customData");
        return convert(json, CreateConversation.class);
    }

    static ContactInput contactForCreate(byte[] body) {
        ObjectNode json = contactFields(body);
        if (blank(json, "email") && blank(json, "phone")) {
            throw ApiError.badRequest(
                    "a contact needs an email or a phone (Velaro matches contacts by email, then phone)");
        }
        return convert(json, ContactInput.class);
    }

    static ContactInput contactForUpdate(byte[] body) {
        ObjectNode json = contactFields(body);
        if (json.isEmpty()) {
            throw ApiError.badRequest("the update sets no field; send at least one of " + String.join(", ",
                    CONTACT_FIELDS.stream().sorted().toList()));
        }
        return convert(json, ContactInput.class);
    }

    /** ContactInput: {@code additionalProperties: false}, so an unknown field is refused, by name. */
    private static ObjectNode contactFields(byte[] body) {
        ObjectNode json = object(body);
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!CONTACT_FIELDS.contains(name)) {
                throw ApiError.badRequest("unknown field '" + name + "'; a contact has " + String.join(", ",
                        CONTACT_FIELDS.stream().sorted().toList()));
            }
        }
        string(json, "name", 0, 200);
        email(json, "email");
        string(json, "phone", 0, 40);
        string(json, "company", 0, 200);
        object(json, "customData");
        return json;
    }

    private static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiError.badRequest("the request body is empty; a JSON object is expected");
        }
        JsonNode json;
        try {
            json = VelaroJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "invalid_json", "the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiError(400, "invalid_json", "the request body cannot be read");
        }
        if (json == null || !json.isObject()) {
            throw ApiError.badRequest("the request body must be a JSON object");
        }
        return (ObjectNode) json;
    }

    /** An optional string field (present means: a string of {@code min} to {@code max} characters). */
    private static void string(ObjectNode json, String field, int min, int max) {
        JsonNode value = json.get(field);
        if (value == null) {
            return;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest(field + " must be a string");
        }
        int length = value.textValue().length();
        if (length < min) {
            throw ApiError.badRequest(field + " must not be empty");
        }
        if (length > max) {
            throw ApiError.badRequest(field + " is " + length + " characters long; at most " + max + " are allowed");
        }
    }

    private static void email(ObjectNode json, String field) {
        string(json, field, 0, 320);
        JsonNode value = json.get(field);
        if (value != null && !EMAIL.matcher(value.textValue()).matches()) {
            throw ApiError.badRequest(field + " is not a valid email address");
        }
    }

    private static void object(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value != null && !value.isObject()) {
            throw ApiError.badRequest(field + " must be a JSON object");
        }
    }

    private static boolean blank(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.textValue().isBlank();
    }

    private static <T> T convert(ObjectNode json, Class<T> type) {
        try {
            return VelaroJson.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not a valid " + type.getSimpleName() + ": "
                                      + e.getOriginalMessage());
        }
    }
}
