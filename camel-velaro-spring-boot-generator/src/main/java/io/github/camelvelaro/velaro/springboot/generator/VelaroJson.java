package io.github.camelvelaro.velaro.springboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The options of a velaro.json: those of the component ({@code componentProperties}) and those of its endpoints
 * ({@code properties}), each in the file's order.
 */
public record VelaroJson(List<ComponentOption> componentOptions, List<ComponentOption> endpointOptions) {

    /** Where camel-component-maven-plugin puts the file in the camel-velaro jar. */
    public static final String RESOURCE = "META-INF/io/github/camelvelaro/velaro/velaro.json";

    public static VelaroJson read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<ComponentOption> componentOptions = options(root.path("componentProperties"));
        if (componentOptions.isEmpty()) {
            throw new IllegalArgumentException("velaro.json lists no componentProperties");
        }
        return new VelaroJson(componentOptions, options(root.path("properties")));
    }

    private static List<ComponentOption> options(JsonNode properties) {
        List<ComponentOption> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            JsonNode option = entry.getValue();
            options.add(new ComponentOption(entry.getKey(), option.path("type").asText(),
                    option.path("javaType").asText(), option.get("defaultValue"), option.path("description").asText(),
                    option.path("secret").asBoolean(), option.path("autowired").asBoolean()));
        }
        return List.copyOf(options);
    }
}
