package io.github.camelvelaro.examples;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExampleSettingsTest {

    private static final String KEY = "vlk_" + "a".repeat(44) + "Zz09";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String TRIGGER = "https://hooks.velaro.com/workflows/Tk3n9XsEcReT";

    @Test
    void withoutAnApiKeyItIsTheSandboxWithJavaRoutesUntilStopped() {
        ExampleSettings s = ExampleSettings.from(Map.of(), new Properties());

        assertThat(s.sandboxMode()).isTrue();
        assertThat(s.routes()).isEqualTo(ExampleSettings.RoutesDsl.JAVA);
        assertThat(s.durationSeconds()).isZero();
        assertThat(s.summaryEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.webhookPort()).isNull();
    }

    @Test
    void readsTheAccountFromTheEnvironmentAndTheRunOptionsFromSystemProperties() {
        Properties system = new Properties();
        system.setProperty("routes", "YAML");
        system.setProperty("duration", "30");
        system.setProperty("port", "9090");
        system.setProperty("summary", "5");

        ExampleSettings s = ExampleSettings.from(Map.of(VelaroAccount.API_KEY, KEY, VelaroAccount.WEBHOOK_SECRET,
                SECRET, VelaroAccount.WORKFLOW_TRIGGER_URL, TRIGGER, VelaroAccount.DAILY_REQUEST_LIMIT, "5000"), system);

        assertThat(s.sandboxMode()).isFalse();
        assertThat(s.account()).isEqualTo(new VelaroAccount(KEY, SECRET, TRIGGER, null, 5000));
        assertThat(s.routes()).isEqualTo(ExampleSettings.RoutesDsl.YAML);
        assertThat(s.durationSeconds()).isEqualTo(30);
        assertThat(s.webhookPort()).isEqualTo(9090);
        assertThat(s.summaryEvery()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBlankApiKeyIsNoApiKey() {
        assertThat(ExampleSettings.from(Map.of(VelaroAccount.API_KEY, "  "), new Properties()).sandboxMode()).isTrue();
    }

    @Test
    void wrongValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ExampleSettings.from(Map.of(), props("routes", "xml")))
                .hasMessage("-Droutes is java or yaml, was 'xml'");
        assertThatThrownBy(() -> ExampleSettings.from(Map.of(), props("duration", "0")))
                .hasMessage("-Dduration is a number of seconds (1 or more), was '0'");
        assertThatThrownBy(() -> ExampleSettings.from(Map.of(), props("port", "http")))
                .hasMessage("-Dport is a port number (0 or more), was 'http'");
        assertThatThrownBy(() -> ExampleSettings.from(Map.of(), props("port", "70000")))
                .hasMessage("-Dport is 0 to 65535, was 70000");
        assertThatThrownBy(() -> ExampleSettings.from(Map.of(VelaroAccount.DAILY_REQUEST_LIMIT, "lots"), new Properties()))
                .hasMessage("VELARO_DAILY_REQUEST_LIMIT is a number of requests, was 'lots'");
    }

    @Test
    void theAccountSaysWhichSettingsAreThereButNeverTheirValues() {
        VelaroAccount account = new VelaroAccount(KEY, SECRET, TRIGGER, null, null);

        assertThat(account.toString())
                .isEqualTo("VelaroAccount[api key set, webhook secret set, workflow trigger URL set, base URL not set, "
                           + "daily request limit default]")
                .doesNotContain(KEY.substring(4), SECRET.substring(6), "Tk3n9XsEcReT");
        assertThat(ExampleSettings.defaults().withAccount(account).toString()).doesNotContain(KEY.substring(4),
                SECRET.substring(6), "Tk3n9XsEcReT");
    }

    private static Properties props(String name, String value) {
        Properties p = new Properties();
        p.setProperty(name, value);
        return p;
    }
}
