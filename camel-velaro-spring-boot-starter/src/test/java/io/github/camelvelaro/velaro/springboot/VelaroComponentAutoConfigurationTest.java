package io.github.camelvelaro.velaro.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.sandbox.journal.JournalEntry;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.velaro.VelaroAccountOptions;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.client.InMemoryQuotaStore;
import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.springboot.ComponentOptions.Option;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import io.github.camelvelaro.velaro.client.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration in a real Spring application context with Camel's own auto-configuration: properties reach
 * the component, endpoints inherit them and talk to the sandbox with them, and the switches turn the binding off.
 */
class VelaroComponentAutoConfigurationTest {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    private static final String KEY = sandbox.createReadWriteKey();

    private final ApplicationContextRunner withStarter = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    VelaroComponentAutoConfiguration.class));

    @BeforeEach
    void emptySite() {
        sandbox.reset();
    }

    @Test
    void componentPropertiesReachTheComponentAndItsEndpoints() {
        withStarter.withPropertyValues("camel.component.velaro.api-key=" + KEY,
                "camel.component.velaro.base-url=" + sandbox.baseUrl(),
                "camel.component.velaro.rate-limit-per-minute=30").run(context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    VelaroComponent velaro = camel.getComponent("velaro", VelaroComponent.class);
                    assertThat(velaro.getAccount().getApiKey()).isEqualTo(KEY);
                    assertThat(velaro.getAccount().getBaseUrl()).isEqualTo(sandbox.baseUrl());
                    assertThat(velaro.getAccount().getRateLimitPerMinute()).isEqualTo(30);

                    VelaroEndpoint endpoint = camel.getEndpoint("velaro:conversations", VelaroEndpoint.class);
                    assertThat(endpoint.getAccount().getRateLimitPerMinute()).isEqualTo(30);
                    assertThat(endpoint.getAccount().getBaseUrl()).isEqualTo(sandbox.baseUrl());
                });
    }

    @Test
    void anEndpointWithoutItsOwnKeyCallsTheSandboxWithTheConfiguredOne() {
        withStarter.withPropertyValues("camel.component.velaro.api-key=" + KEY,
                "camel.component.velaro.base-url=" + sandbox.baseUrl()).run(context -> {
                    Conversation created = context.getBean(CamelContext.class).createProducerTemplate().requestBody(
                            "velaro:conversations",
                            Map.of("visitorName", "Jane Doe", "message", "Hi, where is my order?"),
                            Conversation.class);

                    assertThat(sandbox.conversations().get(created.getId())).isPresent();
                    assertThat(sandbox.journal().entries("POST", "/conversations")).singleElement()
                            .extracting(JournalEntry::keyFingerprint).isEqualTo(VelaroSandbox.fingerprint(KEY));
                });
    }

    /** Every option of velaro.json, set to a value other than its default, arrives on the component. */
    @Test
    void everyComponentOptionIsBound() {
        List<String> properties = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Option option : ComponentOptions.load().options()) {
            Object value = nonDefaultValue(option);
            if ("object".equals(option.type())) {
                // a bean of the option's type, by reference
                properties.add(option.property() + "=#bean:" + option.name() + "Bean");
            } else {
                properties.add(option.property() + "=" + value);
            }
            expected.put(option.name(), value);
            // the account bean's own options get the same values (false for an option it does not have)
            org.apache.camel.support.PropertyBindingSupport.build().bind(ACCOUNT_BINDING, ACCOUNT, option.name(), value);
        }
        withStarter.withPropertyValues(properties.toArray(String[]::new))
                .withBean("sslContextParametersBean", SSLContextParameters.class, () -> TLS)
                .withBean("httpClientConfigurerBean", HttpClientConfigurer.class, () -> CONFIGURER)
                .withBean("accountBean", VelaroAccountOptions.class, () -> ACCOUNT)
                .run(context -> {
            VelaroComponent velaro = context.getBean(CamelContext.class).getComponent("velaro", VelaroComponent.class);
            // read back through the generated configurer: the names are velaro.json's, whatever the getters are
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) velaro.getComponentPropertyConfigurer();
            expected.forEach((name, value) -> assertThat(getter.getOptionValue(velaro, name, false))
                    .as(name).isEqualTo(value));
        });
    }

    /** The bean options are autowired: one bean of the type in the application context reaches the component. */
    @Test
    void aQuotaStoreBeanReachesTheComponent() {
        assertThat(ComponentOptions.autowiredBeans()).containsExactly("quotaStore");
        QuotaStore store = new InMemoryQuotaStore();
        withStarter.withBean(QuotaStore.class, () -> store).run(context -> assertThat(
                context.getBean(CamelContext.class).getComponent("velaro", VelaroComponent.class).governor().store())
                .isSameAs(store));
    }

    @Test
    void withoutPropertiesTheApplicationStartsAndEndpointsStillTakeTheirOwnKey() {
        withStarter.run(context -> {
            assertThat(context).hasNotFailed();
            CamelContext camel = context.getBean(CamelContext.class);
            VelaroComponent velaro = camel.getComponent("velaro", VelaroComponent.class);
            assertThat(velaro.getAccount().getApiKey()).isNull();
            assertThat(velaro.getAccount().getBaseUrl()).isEqualTo("https://api.velaro.com/v1");
            assertThat(velaro.getAccount().getRateLimitPerMinute()).isEqualTo(60);

            camel.createProducerTemplate().requestBody("velaro:conversations?apiKey=" + KEY + "&baseUrl="
                                                       + sandbox.baseUrl(),
                    Map.of("message", "Hello"), Conversation.class);
            assertThat(sandbox.conversations().size()).isEqualTo(1);
        });
    }

    @Test
    void velaroEnabledFalseLeavesTheComponentAlone() {
        withStarter.withPropertyValues("camel.component.velaro.enabled=false",
                "camel.component.velaro.api-key=" + KEY).run(context -> {
                    assertThat(context).doesNotHaveBean(VelaroComponentConfiguration.class);
                    assertThat(context.getBean(CamelContext.class).getComponent("velaro", VelaroComponent.class)
                            .getAccount().getApiKey()).isNull();
                });
    }

    @Test
    void customizerEnabledFalseLeavesTheComponentAlone() {
        withStarter.withPropertyValues("camel.component.velaro.customizer.enabled=false",
                "camel.component.velaro.api-key=" + KEY).run(context -> assertThat(
                        context.getBean(CamelContext.class).getComponent("velaro", VelaroComponent.class).getAccount().getApiKey())
                        .isNull());
    }

    /** The reason for the starter: Camel on Spring Boot alone leaves camel.component.velaro.* unused. */
    @Test
    void withoutTheStarterThePropertiesAreIgnored() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class))
                .withPropertyValues("camel.component.velaro.api-key=" + KEY).run(context -> assertThat(
                        context.getBean(CamelContext.class).getComponent("velaro", VelaroComponent.class).getAccount().getApiKey())
                        .isNull());
    }

    private static final SSLContextParameters TLS = new SSLContextParameters();
    private static final HttpClientConfigurer CONFIGURER = builder -> { };
    /**
     * The account bean holds the values the test's properties give its options, so the outcome does not depend on
     * whether Camel sets the bean before or after them (before: they are set on the bean itself).
     */
    private static final VelaroAccountOptions ACCOUNT = new VelaroAccountOptions();
    private static final org.apache.camel.CamelContext ACCOUNT_BINDING = new org.apache.camel.impl.DefaultCamelContext();

    private static Object nonDefaultValue(Option option) {
        return switch (option.type()) {
            case "object" -> switch (option.name()) {
                case "sslContextParameters" -> TLS;
                case "account" -> ACCOUNT;
                default -> CONFIGURER;
            };
            case "boolean" -> option.defaultValue() == null || !option.defaultValue().asBoolean();
            case "integer" -> option.defaultValue() == null ? 7 : option.defaultValue().asInt() + 7;
            case "string" -> "apiKey".equals(option.name()) ? KEY : "baseUrl".equals(option.name())
                    ? sandbox.baseUrl() : "read:conversations";
            default -> throw new AssertionError(option.name() + " has a type this test cannot set: " + option.type());
        };
    }
}
