package io.github.camelvelaro.sandbox.store;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.camelvelaro.velaro.model.VelaroJson;

/** Deep copies of {@code customData}, so nobody outside the store can change what it holds. */
final class CustomData {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private CustomData() {
    }

    static Map<String, Object> copy(Map<String, Object> data) {
        return data == null ? null : VelaroJson.mapper().convertValue(data, MAP);
    }
}
