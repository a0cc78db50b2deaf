package io.github.camelvelaro.velaro.springboot;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.camelvelaro.velaro.springboot.VelaroSecretsSanitizingAutoConfiguration.VELARO_CREDENTIAL_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator sanitizer's key pattern against the secret options of the component's velaro.json, read here on its
 * own: a secret option added to the component is masked without anyone editing the starter.
 */
class SecretPropertiesMaskedTest {

    @Test
    void velaroJsonHasTheSecretsThisTestIsAbout() {
        assertThat(ComponentOptions.secretOptionNames())
                .contains("apiKey", "proxyAuthPassword", "proxyAuthUsername", "triggerUrl", "webhookSecret");
    }

    @Test
    void everySecretOptionIsMaskedInEverySpellingOfAProperty() {
        Set<String> secrets = ComponentOptions.secretOptionNames();
        for (String name : secrets) {
            String kebab = name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            String env = "VELARO_" + kebab.replace('-', '_').toUpperCase(Locale.ROOT);
            assertThat(VELARO_CREDENTIAL_KEY.matcher("camel.component.velaro." + kebab).matches()).as(kebab).isTrue();
            assertThat(VELARO_CREDENTIAL_KEY.matcher("camel.component.velaro." + name).matches()).as(name).isTrue();
            assertThat(VELARO_CREDENTIAL_KEY.matcher(env).matches()).as(env).isTrue();
            assertThat(VELARO_CREDENTIAL_KEY.matcher("velaro." + kebab).matches()).as("velaro." + kebab).isTrue();
        }
    }

    @Test
    void optionsThatAreNotSecretStayVisible() {
        for (String key : new String[] {"camel.component.velaro.api-key-property", "camel.component.velaro.base-url",
            "camel.component.velaro.proxy-host", "camel.component.velaro.proxy-port", "api-key"}) {
            assertThat(VELARO_CREDENTIAL_KEY.matcher(key).matches()).as(key).isFalse();
        }
    }
}
