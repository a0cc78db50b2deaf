package io.github.camelvelaro.velaro.springboot.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated configuration class for small velaro.json-shaped inputs. */
class StarterConfigurationGeneratorTest {

    /** One option of each kind the component has: string, integer, boolean, secret, bean, autowired bean, enum. */
    private static final String VELARO_JSON = """
            { "component": { "scheme": "velaro" },
              "componentProperties": {
                "baseUrl": { "kind": "property", "type": "string", "javaType": "java.lang.String",
                  "defaultValue": "https://api.velaro.com/v1", "secret": false, "autowired": false,
                  "description": "The base URL of the Velaro REST API" },
                "rateLimitPerMinute": { "kind": "property", "type": "integer", "javaType": "int",
                  "defaultValue": 60, "secret": false, "autowired": false,
                  "description": "Requests per key in any 60-second window." },
                "lazyStartProducer": { "kind": "property", "type": "boolean", "javaType": "boolean",
                  "defaultValue": false, "secret": false, "autowired": false,
                  "description": "Whether the producer starts lazily." },
                "apiKey": { "kind": "property", "type": "string", "javaType": "java.lang.String",
                  "defaultValue": "vlk_must_never_show", "secret": true, "autowired": false,
                  "description": "The Velaro API key." },
                "sslContextParameters": { "kind": "property", "type": "object",
                  "javaType": "org.apache.camel.support.jsse.SSLContextParameters", "secret": false, "autowired": false,
                  "description": "The TLS settings; a comment ends with */ and a path has C:\\\\users." },
                "quotaStore": { "kind": "property", "type": "object",
                  "javaType": "io.github.camelvelaro.velaro.client.QuotaStore", "secret": false, "autowired": true,
                  "description": "Where the rate governor keeps its counts." },
                "unit": { "kind": "property", "type": "enum", "javaType": "java.util.concurrent.TimeUnit",
                  "enum": [ "SECONDS", "MINUTES" ], "defaultValue": "SECONDS", "secret": false, "autowired": false,
                  "description": "The unit of the window." }
              },
              "properties": {
                "resource": { "kind": "path", "type": "string", "javaType": "java.lang.String", "secret": false,
                  "description": "The resource." },
                "apiKey": { "kind": "parameter", "type": "string", "javaType": "java.lang.String", "secret": true,
                  "description": "The Velaro API key of this endpoint." },
                "webhookSecret": { "kind": "parameter", "type": "string", "javaType": "java.lang.String",
                  "secret": true, "description": "The signing secret." }
              } }
            """;

    private static VelaroJson velaroJson(String json) throws IOException {
        return VelaroJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String generated(String json) throws IOException {
        return new StarterConfigurationGenerator().configuration(velaroJson(json).componentOptions()).toString();
    }

    private static String optionLists(String json) throws IOException {
        return new StarterConfigurationGenerator().optionLists(velaroJson(json)).toString();
    }

    @Test
    void everyOptionButTheAutowiredBeanGetsAFieldAGetterAndASetter() throws IOException {
        String source = generated(VELARO_JSON);

        for (String name : List.of("baseUrl", "rateLimitPerMinute", "lazyStartProducer", "apiKey",
                "sslContextParameters", "unit")) {
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            assertThat(source).as(name).containsPattern("private \\w+ " + name + "( = |;)")
                    .contains("get" + capitalized + "()", "set" + capitalized + "(");
        }
        assertThat(source).doesNotContain("quotaStore", "QuotaStore");
    }

    @Test
    void fieldsAreBoxedAndStartAtTheComponentDefault() throws IOException {
        assertThat(generated(VELARO_JSON))
                .contains("private String baseUrl = \"https://api.velaro.com/v1\";")
                .contains("private Integer rateLimitPerMinute = 60;")
                .contains("private Boolean lazyStartProducer = false;")
                .contains("private TimeUnit unit = TimeUnit.SECONDS;")
                .contains("public Integer getRateLimitPerMinute()")
                .contains("public void setRateLimitPerMinute(Integer rateLimitPerMinute)");
    }

    @Test
    void theDescriptionIsTheFieldJavadoc() throws IOException {
        assertThat(generated(VELARO_JSON))
                .containsPattern("/\\*\\*\\s+\\* The base URL of the Velaro REST API\\.\\s+\\*/\\s+private String baseUrl")
                .containsPattern("/\\*\\*\\s+\\* Requests per key in any 60-second window\\.\\s+\\*/\\s+"
                                 + "private Integer rateLimitPerMinute");
    }

    @Test
    void aSecretGetsNoDefault() throws IOException {
        assertThat(generated(VELARO_JSON)).contains("private String apiKey;").doesNotContain("vlk_must_never_show");
    }

    @Test
    void aBeanOptionIsTypedByItsJavaType() throws IOException {
        assertThat(generated(VELARO_JSON))
                .contains("import org.apache.camel.support.jsse.SSLContextParameters;")
                .contains("private SSLContextParameters sslContextParameters;")
                .contains("A bean reference, e.g. {@code #bean:name}.");
    }

    @Test
    void theConverterGetsTheBeanTypesButNotTheAutowiredOne() throws IOException {
        assertThat(optionLists(VELARO_JSON))
                .contains("final class VelaroOptions {")
                .contains("static final List<Class<?>> BEAN_REFERENCE_TYPES = List.of(SSLContextParameters.class);")
                .doesNotContain("QuotaStore");
    }

    @Test
    void theSanitizerGetsEverySecretOptionOfTheComponentAndItsEndpointsOnce() throws IOException {
        assertThat(optionLists(VELARO_JSON)).contains(
                "static final List<String> SECRET_OPTIONS = List.of(\"apiKey\", \"webhookSecret\");");
    }

    @Test
    void aDescriptionCannotEndTheCommentOrStartAUnicodeEscape() throws IOException {
        String source = generated(VELARO_JSON);

        assertThat(source).contains("ends with *&#47; and a path has C:&#92;users.")
                .doesNotContain("ends with */");
    }

    @Test
    void theClassBindsThePrefixOnTopOfCamelsCommonStarterProperties() throws IOException {
        assertThat(generated(VELARO_JSON))
                .startsWith("package io.github.camelvelaro.velaro.springboot;")
                .containsPattern("@ConfigurationProperties\\(\\s*prefix = VelaroComponentConfiguration.PREFIX\\s*\\)")
                .contains("public class VelaroComponentConfiguration extends ComponentConfigurationPropertiesCommon {")
                .contains("public static final String PREFIX = \"camel.component.velaro\";");
    }

    @Test
    void anUnknownTypeFailsNamingTheOption() {
        String json = """
                { "componentProperties": {
                    "windows": { "type": "array", "javaType": "java.util.List<java.lang.String>",
                      "description": "Some windows." } } }
                """;

        assertThatThrownBy(() -> generated(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'windows'").hasMessageContaining("'array'");
    }

    @Test
    void aDefaultThatDoesNotFitTheTypeFailsNamingTheOption() {
        String json = """
                { "componentProperties": {
                    "pollerThreads": { "type": "integer", "javaType": "int", "defaultValue": "ten",
                      "description": "Threads." } } }
                """;

        assertThatThrownBy(() -> generated(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pollerThreads'").hasMessageContaining("'ten'");
    }

    @Test
    void theMainReadsVelaroJsonFromTheClasspathAndWritesBothClasses(@TempDir Path classpath, @TempDir Path out)
            throws IOException {
        Path json = classpath.resolve(VelaroJson.RESOURCE);
        Files.createDirectories(json.getParent());
        Files.writeString(json, VELARO_JSON);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            GenerateStarterSources.main(new String[] {out.toString()});
        } finally {
            thread.setContextClassLoader(previous);
        }

        Path sources = out.resolve("io/github/camelvelaro/velaro/springboot");
        assertThat(Files.readString(sources.resolve("VelaroComponentConfiguration.java")))
                .contains("private Integer rateLimitPerMinute = 60;");
        assertThat(Files.readString(sources.resolve("VelaroOptions.java"))).contains("SECRET_OPTIONS");
    }
}
