package io.github.camelvelaro.velaro.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /conversations}, as in the guide's create example. Fields the model does not name are
 * sent as given (the wire schema allows them).
 */
public class CreateConversation extends VelaroModel {

    private String visitorName;
    private String visitorEmail;
    private String channel;
    private String message;
    private Map<String, Object> customData;

    public CreateConversation() {
    }

    /** A conversation that opens with this visitor message. */
    public CreateConversation(String message) {
        this.message = message;
    }

    public String getVisitorName() {
        return visitorName;
    }

    public void setVisitorName(String visitorName) {
        this.visitorName = visitorName;
    }

    public String getVisitorEmail() {
        return visitorEmail;
    }

    public void setVisitorEmail(String visitorEmail) {
        this.visitorEmail = visitorEmail;
    }

    /** e.g. {@code web}, {@code email}, {@code sms}, {@code whatsapp}; Velaro assumes {@code web} when absent. */
    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Map<String, Object> getCustomData() {
        return customData;
    }

    public void setCustomData(Map<String, Object> customData) {
        this.customData = customData == null ? null : new LinkedHashMap<>(customData);
    }
}
