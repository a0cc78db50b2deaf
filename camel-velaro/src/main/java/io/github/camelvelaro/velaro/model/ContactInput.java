package io.github.camelvelaro.velaro.model;

import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /contacts} and {@code PATCH /contacts/{id}}. With PATCH only the fields that are set are
 * sent, and only those change.
 * <p>
 * ASSUMPTION (openapi.yaml ContactInput, {@code additionalProperties: false}): Velaro rejects fields it does not
 * know, so unlike the response models this one has no place for extra fields and converting a {@code Map} with an
 * unknown key fails locally with a {@code VelaroValidationException}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContactInput {

    private String name;
    private String email;
    private String phone;
    private String company;
    private Map<String, Object> customData;

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

    @Override
    public String toString() {
        return VelaroJson.toJson(this);
    }
}
