package io.github.camelvelaro.velaro.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Velaro conversation as the API returns it. */
public class Conversation extends VelaroModel {

    private String id;
    private String status;
    private String channel;
    private String visitorName;
    private String visitorEmail;
    private String contactId;
    private String assignedAgent;
    @IsoInstant
    private Instant createdAt;
    @IsoInstant
    private Instant updatedAt;
    @IsoInstant
    private Instant resolvedAt;
    private Map<String, Object> customData;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** {@code open}, {@code resolved}, {@code missed} or {@code abandoned} (see {@link ConversationStatus}). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
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

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getAssignedAgent() {
        return assignedAgent;
    }

    public void setAssignedAgent(String assignedAgent) {
        this.assignedAgent = assignedAgent;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public void setResolvedAt(Instant resolvedAt) {
        this.resolvedAt = resolvedAt;
    }

    public Map<String, Object> getCustomData() {
        return customData;
    }

    public void setCustomData(Map<String, Object> customData) {
        this.customData = customData == null ? null : new LinkedHashMap<>(customData);
    }
}
