package io.github.camelvelaro.velaro.springboot;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key set through Spring Boot properties shows up neither in the logs nor in the actuator's env and
 * configprops endpoints, even when those are told to show values.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayHiddenTest {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    private static final String KEY = sandbox.createReadWriteKey();
    private static final String PROXY_PASSWORD = "pr0xy-Pa55word-never-shown";
    private static final String[] CHATTY_LOGGERS = {"org.apache.camel", "io.github.camelvelaro",
        "org.springframework.boot.context.properties", "org.springframework.boot.autoconfigure"};

    private final ObjectMapper json = new ObjectMapper();

    /** Actuator endpoints told to show every value, as some deployments do behind authentication. */
    private final ApplicationContextRunner actuator = new ApplicationContextRunner()
            .withSystemProperties("VELARO_API_KEY=" + KEY)
            .withPropertyValues("camel.component.velaro.api-key=${VELARO_API_KEY}",
                    "camel.component.velaro.base-url=" + sandbox.baseUrl(),
                    "camel.component.velaro.proxy-auth-password=" + PROXY_PASSWORD,
                    "management.endpoints.web.exposure.include=env,configprops",
                    "management.endpoint.env.show-values=always",
                    "management.endpoint.configprops.show-values=always");

    @AfterEach
    void quietAgain() {
        setLevel(null);
    }

    @Test
    void theKeyIsNotLoggedWhileBindingStartingAndCalling(CapturedOutput output) {
        setLevel(Level.DEBUG);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                        VelaroComponentAutoConfiguration.class))
                .withPropertyValues("camel.component.velaro.api-key=" + KEY,
                        "camel.component.velaro.base-url=" + sandbox.baseUrl())
                .run(context -> context.getBean(CamelContext.class).createProducerTemplate()
                        .requestBody("velaro:conversations", Map.of("message", "Hello")));

        assertThat(output.getAll()).as("DEBUG output was captured").contains("velaro");
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void actuatorEndpointsMaskTheKeyEvenWhenShowingValues() {
        actuator.withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                        VelaroComponentAutoConfiguration.class, VelaroSecretsSanitizingAutoConfiguration.class,
                        EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .run(context -> {
                    String configprops = configprops(context.getBean(ConfigurationPropertiesReportEndpoint.class));
                    assertThat(configprops).contains(sandbox.baseUrl()).contains("******").doesNotContain(KEY)
                            .contains("proxyAuthPassword").doesNotContain(PROXY_PASSWORD);

                    String env = json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
                    assertThat(env).contains("VELARO_API_KEY").contains(sandbox.baseUrl()).doesNotContain(KEY)
                            .doesNotContain(PROXY_PASSWORD);
                });
    }

    /**
     * Why the starter ships a SanitizingFunction: since Spring Boot 3 the actuator masks nothing by key name once
     * show-values is on.
     */
    @Test
    void withoutTheStarterSanitizerTheActuatorWouldShowTheKey() {
        actuator.withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                        VelaroComponentAutoConfiguration.class, EndpointAutoConfiguration.class,
                        ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .run(context -> assertThat(configprops(context.getBean(ConfigurationPropertiesReportEndpoint.class)))
                        .contains(KEY));
    }

    private String configprops(ConfigurationPropertiesReportEndpoint endpoint) throws Exception {
        return json.writeValueAsString(endpoint.configurationPropertiesWithPrefix(VelaroComponentConfiguration.PREFIX));
    }

    /** Sets the chatty loggers to {@code level}, or back to the configured level when null. */
    private static void setLevel(Level level) {
        for (String name : CHATTY_LOGGERS) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(level);
        }
    }
}
