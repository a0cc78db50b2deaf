package io.github.camelvelaro.velaro.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Velaro contact as the API returns it. */
public class Contact extends VelaroModel {

    private String id;
    private String name;
    private String email;
    private String phone;
    private String company;
    private Map<String, Object> customData;
    @IsoInstant
    private Instant createdAt;
    @IsoInstant
    private Instant updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public Map<String, Object> getCustomData() {
        return customData;
    }

    public void setCustomData(Map<String, Object> customData) {
        this.customData = customData == null ? null : new LinkedHashMap<>(customData);
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
}
