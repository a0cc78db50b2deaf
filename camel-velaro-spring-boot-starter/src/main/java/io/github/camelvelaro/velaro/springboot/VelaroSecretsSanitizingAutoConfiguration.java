package io.github.camelvelaro.velaro.springboot;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps Velaro credentials masked in {@code /actuator/env} and {@code /actuator/configprops} even when an application
 * sets {@code management.endpoint.*.show-values} to {@code always} or {@code when-authorized}: since Spring Boot 3 the
 * actuator no longer masks keys by name, only what a {@link SanitizingFunction} masks.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class VelaroSecretsSanitizingAutoConfiguration {

    /**
     * Any key that mentions Velaro and ends with the name of a secret option of the component or its endpoints, in any
     * of the spellings of a property: {@code camel.component.velaro.api-key} (also as {@code apiKey} in configprops),
     * {@code VELARO_API_KEY}, {@code velaro.webhook-secret}, a workflow trigger URL, the proxy's user name and password.
     */
    static final Pattern VELARO_CREDENTIAL_KEY = credentialKey(VelaroOptions.SECRET_OPTIONS);

    /** {@code apiKey} matches api-key, api_key, api.key and apiKey, in any case. */
    static Pattern credentialKey(List<String> secretOptions) {
        String names = secretOptions.stream()
                .map(name -> String.join("[-_.]?", name.split("(?=[A-Z])")))
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?i).*velaro.*(" + names + ")");
    }

    @Bean
    public SanitizingFunction velaroCredentialsSanitizer() {
        return SanitizingFunction.sanitizeValue().ifKeyMatches(VELARO_CREDENTIAL_KEY);
    }
}
