package io.github.camelvelaro.velaro.springboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the component options out of a velaro.json. */
public final class VelaroJson {

    /** Where camel-component-maven-plugin puts the file in the camel-velaro jar. */
    public static final String RESOURCE = "META-INF/io/github/camelvelaro/velaro/velaro.json";

    private VelaroJson() {
    }

    /** The {@code componentProperties} in the file's order. */
    public static List<ComponentOption> componentOptions(InputStream in) throws IOException {
        JsonNode properties = new ObjectMapper().readTree(in).path("componentProperties");
        List<ComponentOption> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            JsonNode option = entry.getValue();
            options.add(new ComponentOption(entry.getKey(), option.path("type").asText(),
                    option.path("javaType").asText(), option.get("defaultValue"), option.path("description").asText(),
                    option.path("secret").asBoolean(), option.path("autowired").asBoolean()));
        }
        if (options.isEmpty()) {
            throw new IllegalArgumentException("velaro.json lists no componentProperties");
        }
        return options;
    }
}
