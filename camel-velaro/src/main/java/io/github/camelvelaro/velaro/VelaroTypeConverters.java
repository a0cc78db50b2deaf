package io.github.camelvelaro.velaro;

import java.io.InputStream;
import java.util.Map;

import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.Transcript;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import io.github.camelvelaro.velaro.model.VelaroJson;
import org.apache.camel.Converter;

/**
 * Lets YAML and low-code routes use the models without Java: every model to a JSON {@code String} and to a
 * {@code Map} (instants as ISO-8601 strings, unknown fields kept), and {@code Map} or JSON into the input models.
 * The generated loader registers them without classpath scanning.
 */
@Converter(generateLoader = true)
public final class VelaroTypeConverters {

    private VelaroTypeConverters() {
    }

    @Converter
    public static String conversationToString(Conversation value) {
        return VelaroJson.toJson(value);
    }

    @Converter
    public static Map<String, Object> conversationToMap(Conversation value) {
        return VelaroJson.toMap(value);
    }

    @Converter
    public static String contactToString(Contact value) {
        return VelaroJson.toJson(value);
    }

    @Converter
    public static Map<String, Object> contactToMap(Contact value) {
        return VelaroJson.toMap(value);
    }

    @Converter
    public static String eventToString(VelaroEvent value) {
        return VelaroJson.toJson(value);
    }

    @Converter
    public static Map<String, Object> eventToMap(VelaroEvent value) {
        return VelaroJson.toMap(value);
    }

    @Converter
    public static String transcriptToString(Transcript value) {
        return VelaroJson.toJson(value);
    }

    @Converter
    public static Map<String, Object> transcriptToMap(Transcript value) {
        return VelaroJson.toMap(value);
    }

    @Converter
    public static String createConversationToString(CreateConversation value) {
        return VelaroJson.toJson(value);
    }

    @Converter
    public static Map<String, Object> createConversationToMap(CreateConversation value) {
        return VelaroJson.toMap(value);
    }

    @Converter
    public static String contactInputToString(ContactInput value) {
        return VelaroJson.toJson(value);
    }

    @Converter
    public static Map<String, Object> contactInputToMap(ContactInput value) {
        return VelaroJson.toMap(value);
    }

    @Converter
    public static CreateConversation mapToCreateConversation(Map<?, ?> value) {
        return VelaroJson.readInput(value, CreateConversation.class);
    }

    @Converter
    public static CreateConversation stringToCreateConversation(String value) {
        return VelaroJson.readInput(value, CreateConversation.class);
    }

    @Converter
    public static CreateConversation bytesToCreateConversation(byte[] value) {
        return VelaroJson.readInput(value, CreateConversation.class);
    }

    @Converter
    public static CreateConversation streamToCreateConversation(InputStream value) {
        return VelaroJson.readInput(value, CreateConversation.class);
    }

    @Converter
    public static ContactInput mapToContactInput(Map<?, ?> value) {
        return VelaroJson.readInput(value, ContactInput.class);
    }

    @Converter
    public static ContactInput stringToContactInput(String value) {
        return VelaroJson.readInput(value, ContactInput.class);
    }

    @Converter
    public static ContactInput bytesToContactInput(byte[] value) {
        return VelaroJson.readInput(value, ContactInput.class);
    }

    @Converter
    public static ContactInput streamToContactInput(InputStream value) {
        return VelaroJson.readInput(value, ContactInput.class);
    }
}
