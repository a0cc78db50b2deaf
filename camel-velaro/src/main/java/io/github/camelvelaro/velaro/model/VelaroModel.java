package io.github.camelvelaro.velaro.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Base of every object Velaro sends us. Fields the model does not know are kept (Velaro may add fields at any
 * time, and clients must ignore them rather than fail), are available through {@link #getAdditionalProperties()}
 * and are written back out when the model is turned into JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class VelaroModel {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** Fields Velaro sent that this version of the model does not name. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    /** The value of a field this model does not name, or null. */
    public Object getAdditionalProperty(String name) {
        return additionalProperties.get(name);
    }

    @Override
    public String toString() {
        return VelaroJson.toJson(this);
    }
}
