package io.github.camelvelaro.velaro.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.github.camelvelaro.velaro.webhook.WebhookVerifier.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelvelaro.velaro.webhook.WebhookTestSupport.SECRET;
import static io.github.camelvelaro.velaro.webhook.WebhookTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The Standard Webhooks verifier against the test vector, the reference library's signatures, and forgeries. */
class WebhookVerifierTest {

    // the test vector of webhooks.md
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1_614_265_330L;
    static final String BODY = "{\"test\": 2432232314}";
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });

    private static StandardWebhooksVerifier verifierAt(Instant now) {
        return new StandardWebhooksVerifier(SECRET, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final StandardWebhooksVerifier VERIFIER = verifierAt(Instant.ofEpochSecond(TIMESTAMP));

    private static Verification verify(StandardWebhooksVerifier verifier, String id, String timestamp, String signature,
                                       String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", signature);
        return verifier.verify(headers::get, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Verification verify(String signature, String body) {
        return verify(VERIFIER, ID, Long.toString(TIMESTAMP), signature, body);
    }

    @Test
    void acceptsTheTestVector() {
        assertThat(verify(SIGNATURE, BODY).accepted()).isTrue();
    }

    @Test
    void theReferenceLibraryAgreesWithTheTestVector() throws Exception {
        // guards the test helpers: the independent signer reproduces the documented signature
        assertThat(sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsWhatTheReferenceLibrarySigns() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret, Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));
        for (String body : new String[] { "{}", BODY, "{\"text\":\"héllo — ünïcode ✓\"}", "", "x".repeat(70_000) }) {
            String signature = sign(secret, "evt_1", TIMESTAMP, body);
            assertThat(verify(verifier, "evt_1", Long.toString(TIMESTAMP), signature, body).accepted()).as(body).isTrue();
            assertThat(verify(VERIFIER, "evt_1", Long.toString(TIMESTAMP), signature, body).accepted())
                    .as("another secret").isFalse();
        }
    }

    @Test
    void rejectsATamperedBody() {
        Verification result = verify(SIGNATURE, "{\"test\": 2432232315}");
        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).contains("no v1 signature in webhook-signature matches");
        assertThat(verify(SIGNATURE, BODY + " ").accepted()).isFalse();
    }

    @Test
    void rejectsATamperedIdOrTimestamp() {
        assertThat(verify(VERIFIER, ID + "x", Long.toString(TIMESTAMP), SIGNATURE, BODY).accepted()).isFalse();
        assertThat(verify(VERIFIER, ID, Long.toString(TIMESTAMP + 1), SIGNATURE, BODY).accepted()).isFalse();
    }

    @Test
    void rejectsAnotherSecret() throws Exception {
        assertThat(verify(sign(OTHER_SECRET, ID, TIMESTAMP, BODY), BODY).accepted()).isFalse();
    }

    @Test
    void toleranceAppliesInBothDirectionsInclusive() throws Exception {
        long now = TIMESTAMP + 10_000;
        StandardWebhooksVerifier verifier = verifierAt(Instant.ofEpochSecond(now));
        for (long offset : new long[] { -300, 300, 0 }) {
            long ts = now + offset;
            assertThat(verify(verifier, ID, Long.toString(ts), sign(SECRET, ID, ts, BODY), BODY).accepted())
                    .as("offset %d s", offset).isTrue();
        }
        long tooOld = now - 301;
        Verification old = verify(verifier, ID, Long.toString(tooOld), sign(SECRET, ID, tooOld, BODY), BODY);
        assertThat(old.accepted()).isFalse();
        assertThat(old.reason()).contains("301 s behind");
        long tooNew = now + 301;
        Verification ahead = verify(verifier, ID, Long.toString(tooNew), sign(SECRET, ID, tooNew, BODY), BODY);
        assertThat(ahead.accepted()).isFalse();
        assertThat(ahead.reason()).contains("301 s ahead of");
    }

    @Test
    void toleranceIsTheOption() throws Exception {
        StandardWebhooksVerifier strict = new StandardWebhooksVerifier(SECRET, Duration.ofSeconds(10),
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 11), ZoneOffset.UTC));
        assertThat(verify(strict, ID, Long.toString(TIMESTAMP), SIGNATURE, BODY).accepted()).isFalse();
        StandardWebhooksVerifier lenient = new StandardWebhooksVerifier(SECRET, Duration.ofHours(1),
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 3000), ZoneOffset.UTC));
        // beyond the reference library's fixed five minutes, within this option
        assertThat(verify(lenient, ID, Long.toString(TIMESTAMP), SIGNATURE, BODY).accepted()).isTrue();
    }

    @Test
    void rejectsMissingHeaders() {
        assertThat(verify(VERIFIER, null, Long.toString(TIMESTAMP), SIGNATURE, BODY).reason()).contains("missing");
        assertThat(verify(VERIFIER, ID, null, SIGNATURE, BODY).accepted()).isFalse();
        assertThat(verify(VERIFIER, ID, Long.toString(TIMESTAMP), null, BODY).accepted()).isFalse();
        assertThat(verify(VERIFIER, ID, Long.toString(TIMESTAMP), " ", BODY).accepted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "1614265330.5", "-1614265330", "99999999999999999999", "100000000001" })
    void rejectsTimestampsThatAreNotUnixSeconds(String timestamp) {
        assertThat(verify(VERIFIER, ID, timestamp, SIGNATURE, BODY).accepted()).isFalse();
    }

    @Test
    void acceptsOneValidSignatureAmongSeveral() throws Exception {
        String wrong = sign(OTHER_SECRET, ID, TIMESTAMP, BODY);
        assertThat(verify(wrong + " " + SIGNATURE, BODY).accepted()).isTrue();
        assertThat(verify(SIGNATURE + " " + wrong, BODY).accepted()).isTrue();
        assertThat(verify("v1,!!notbase64!! " + SIGNATURE, BODY).accepted()).isTrue();
        assertThat(verify(wrong + " v1,!!notbase64!!", BODY).accepted()).isFalse();
    }

    @Test
    void ignoresUnknownVersions() {
        String v1a = "v1a," + SIGNATURE.substring(3);
        // the right bytes under an unknown version are not a v1 signature
        assertThat(verify(v1a, BODY).accepted()).isFalse();
        assertThat(verify(v1a + " " + SIGNATURE, BODY).accepted()).isTrue();
        assertThat(verify("v2," + SIGNATURE.substring(3), BODY).accepted()).isFalse();
        assertThat(verify(SIGNATURE.substring(3), BODY).accepted()).as("no version").isFalse();
    }

    @Test
    void validatesTheSecretWithoutShowingIt() {
        assertThat(StandardWebhooksVerifier.decodeSecret(SECRET)).hasSize(24);
        assertThat(StandardWebhooksVerifier.decodeSecret("  " + SECRET + "\n")).hasSize(24);
        String[][] cases = {
                { "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "it must start with whsec_" },
                { "whsec_MfKQ9r8GKYq!TwjUPD8ILPZIo2LaLaSw", "is not valid base64" },
                { "whsec_", "has no key after whsec_" },
                { "", "is empty" } };
        for (String[] c : cases) {
            Throwable failure = catchThrowable(() -> StandardWebhooksVerifier.decodeSecret(c[0]));
            assertThat(failure).as(c[0]).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c[1])
                    .hasMessageContaining("Option webhookSecret").hasNoCause();
            assertThat(failure.getMessage()).doesNotContain("MfKQ9r8GKYq");
        }
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(VERIFIER.toString()).doesNotContain("MfKQ9r8GKYq").contains("PT5M");
    }
}
