package io.github.camelvelaro.velaro;

import java.io.InputStream;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after {@code package}: the jar users get contains the generated configurers and URI factory (compiled, not
 * just their service files) and velaro.json with the secrets marked.
 */
class PackagedJarIT {

    @Test
    void jarShipsTheGeneratedClassesAndMetadata() throws Exception {
        String path = System.getProperty("velaro.jar");
        assertThat(path).as("system property velaro.jar").isNotNull();
        try (JarFile jar = new JarFile(path)) {
            for (String entry : new String[] {
                    "io/github/camelvelaro/velaro/VelaroEndpointConfigurer.class",
                    "io/github/camelvelaro/velaro/VelaroComponentConfigurer.class",
                    "io/github/camelvelaro/velaro/VelaroEndpointUriFactory.class",
                    "io/github/camelvelaro/velaro/VelaroTypeConvertersLoader.class",
                    "META-INF/services/org/apache/camel/component/velaro",
                    "META-INF/services/org/apache/camel/configurer/velaro-endpoint",
                    "META-INF/services/org/apache/camel/configurer/velaro-component",
                    "META-INF/services/org/apache/camel/urifactory/velaro-endpoint",
                    "META-INF/services/org/apache/camel/TypeConverterLoader" }) {
                assertThat(jar.getEntry(entry)).as(entry).isNotNull();
            }
            ZipEntry json = jar.getEntry("META-INF/io/github/camelvelaro/velaro/velaro.json");
            assertThat(json).isNotNull();
            try (InputStream in = jar.getInputStream(json)) {
                JsonNode root = new ObjectMapper().readTree(in);
                assertThat(root.at("/properties/apiKey/secret").asBoolean()).isTrue();
                assertThat(root.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
            }
        }
    }
}
