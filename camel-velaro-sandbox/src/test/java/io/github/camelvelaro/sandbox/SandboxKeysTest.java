package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.NoSuchElementException;

import io.github.camelvelaro.sandbox.journal.JournalEntry;
import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.VelaroScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxKeysTest extends FrozenSiteTest {


    @Test
    void keysHaveTheGuidesFormatAndTheComponentsFingerprint() {
        String other = sandbox.createReadWriteKey();

        assertThat(key).startsWith("vlk_").hasSize(52).matches("vlk_[A-Za-z0-9]{48}");
        assertThat(other).isNotEqualTo(key);
        ApiKey parsed = ApiKey.of(key, "apiKey");
        assertThat(VelaroSandbox.fingerprint(key)).isEqualTo(parsed.fingerprint()).hasSize(12);
        assertThat(sandbox.keys().scopesOf(key)).containsExactlyInAnyOrder(VelaroScope.values());
        assertThat(sandbox.keys().scopesOf(sandbox.createReadOnlyKey()))
                .containsExactlyInAnyOrder(VelaroScope.READ_CONVERSATIONS, VelaroScope.READ_CONTACTS);
    }

    @Test
    void aMissingOrMalformedAuthorizationIs401() throws IOException {
        HttpResponse<String> none = api.trySend("GET", "/conversations", null, null);
        HttpResponse<String> basic = api.trySend("GET", "/conversations", "Basic dXNlcjpwYXNz", null);
        HttpResponse<String> unknown = api.get("/conversations", "vlk_" + "x".repeat(48));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(ApiCalls.errorCode(none)).isEqualTo("missing_api_key");
        assertThat(ApiCalls.errorMessage(none)).contains("Authorization header").doesNotContain("******");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(ApiCalls.errorCode(basic)).isEqualTo("invalid_authorization");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(ApiCalls.errorCode(unknown)).isEqualTo("invalid_api_key");
        assertThat(unknown.body()).doesNotContain("x".repeat(48));
        // the scheme is case-insensitive (RFC 9110)
        assertThat(api.trySend("GET", "/conversations", "bearer " + key, null).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} needs {3}")
    @CsvSource({
            "GET,   /conversations,          ,                                    read:conversations",
            "POST,  /conversations,          '{\"message\":\"hi\"}',              write:conversations",
            "GET,   /conversations/conv_x,   ,                                    read:conversations",
            "GET,   /contacts,               ,                                    read:contacts",
            "POST,  /contacts,               '{\"email\":\"a@b.co\"}',            write:contacts",
            "GET,   /contacts/cont_x,        ,                                    read:contacts",
            "PATCH, /contacts/cont_x,        '{\"name\":\"x\"}',                  write:contacts" })
    void aKeyWithoutTheOperationsScopeIs403NamingIt(String method, String path, String body, String scope) {
        VelaroScope needed = VelaroScope.fromValue(scope).orElseThrow();
        EnumSet<VelaroScope> others = EnumSet.complementOf(EnumSet.of(needed));
        String lacking = sandbox.createKey(others.toArray(VelaroScope[]::new));

        HttpResponse<String> response = api.send(method, path, lacking, body);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiCalls.errorCode(response)).isEqualTo("insufficient_scope");
        assertThat(ApiCalls.json(response).path("error").path("requiredScope").asText()).isEqualTo(scope);
        assertThat(sandbox.conversations().size() + sandbox.contacts().size()).isZero();
    }

    @Test
    void rotationRevokesTheOldKeyAtOnceAndKeepsTheScopes() {
        String old = sandbox.createKey(VelaroScope.READ_CONVERSATIONS);
        assertThat(api.get("/conversations", old).statusCode()).isEqualTo(200);

        String rotated = sandbox.rotateKey(old);

        assertThat(rotated).isNotEqualTo(old).hasSize(52);
        HttpResponse<String> refused = api.get("/conversations", old);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ApiCalls.errorCode(refused)).isEqualTo("revoked_api_key");
        assertThat(api.get("/conversations", rotated).statusCode()).isEqualTo(200);
        assertThat(api.get("/contacts", rotated).statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> sandbox.rotateKey(old)).isInstanceOf(NoSuchElementException.class)
                .hasMessageNotContaining(old);
    }

    @Test
    void aRevokedKeyStaysRevoked() {
        sandbox.revokeKey(key);

        assertThat(api.get("/conversations", key).statusCode()).isEqualTo(401);
        assertThat(api.post("/conversations", key, "{\"message\":\"hi\"}").statusCode()).isEqualTo(401);
        assertThat(sandbox.conversations().size()).isZero();
        assertThatThrownBy(() -> sandbox.rotateKey(key)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> sandbox.revokeKey("vlk_" + "u".repeat(48)))
                .isInstanceOf(NoSuchElementException.class).hasMessageNotContaining("u".repeat(48));
    }

    @Test
    void anExpiringKeyStopsWorkingWhenTheClockPassesItsExpiry() {
        String expiring = sandbox.createKey(T0.plus(Duration.ofDays(30)), VelaroScope.READ_CONTACTS);

        assertThat(api.get("/contacts", expiring).statusCode()).isEqualTo(200);
        sandbox.clock().advance(Duration.ofDays(30));
        HttpResponse<String> expired = api.get("/contacts", expiring);

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(ApiCalls.errorCode(expired)).isEqualTo("expired_api_key");
    }

    @Test
    void theJournalShowsFingerprintsNeverKeys() {
        String revoked = sandbox.createReadWriteKey();
        sandbox.revokeKey(revoked);

        api.get("/conversations?page=1", key);
        api.get("/conversations", revoked);
        // a key wrongly put in the URL is masked too
        api.get("/conversations?apiKey=" + key, key);
        api.get("/contacts/" + key, key);

        assertThat(sandbox.journal().entries()).hasSize(4);
        JournalEntry first = sandbox.journal().entries().get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/conversations");
        assertThat(first.query()).isEqualTo("page=1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.time()).isEqualTo(T0);
        assertThat(first.keyFingerprint()).isEqualTo(ApiKey.of(key, "apiKey").fingerprint());
        assertThat(sandbox.journal().entries().get(1).keyFingerprint()).isEqualTo(VelaroSandbox.fingerprint(revoked));
        assertThat(sandbox.journal().entries().get(1).status()).isEqualTo(401);
        assertThat(sandbox.journal().countForKey(VelaroSandbox.fingerprint(key))).isEqualTo(3);
        String everything = sandbox.journal().entries().toString();
        assertThat(everything).doesNotContain(key.substring(4)).doesNotContain(revoked.substring(4));
    }
}
