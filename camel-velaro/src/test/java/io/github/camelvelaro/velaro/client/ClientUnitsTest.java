package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroBadRequestException;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import io.github.camelvelaro.velaro.exception.VelaroServerException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientUnitsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static java.util.function.Function<String, String> headers(Map<String, String> values) {
        return values::get;
    }

    @Test
    void resetIsEpochSecondsAboveOneBillionElseSecondsFromNow() {
        RateLimitHeaders epoch = RateLimitHeaders.parse(headers(Map.of("X-RateLimit-Reset", "1795000000",
                "X-RateLimit-Remaining", "7")), NOW);
        RateLimitHeaders delta = RateLimitHeaders.parse(headers(Map.of("X-RateLimit-Reset", "42")), NOW);

        assertThat(epoch.reset()).isEqualTo(Instant.ofEpochSecond(1_795_000_000L));
        assertThat(epoch.remaining()).isEqualTo(7);
        assertThat(delta.reset()).isEqualTo(NOW.plusSeconds(42));
        assertThat(delta.remaining()).isNull();
    }

    @Test
    void resetInEpochMillisecondsIsRecognised() {
        RateLimitHeaders millis = RateLimitHeaders.parse(headers(Map.of("X-RateLimit-Reset", "1795000000123")), NOW);

        assertThat(millis.reset()).isEqualTo(Instant.ofEpochMilli(1_795_000_000_123L));
    }

    @Test
    void retryAfterInSecondsOrHttpDateAndMonthlyRemaining() {
        RateLimitHeaders seconds = RateLimitHeaders.parse(headers(Map.of("Retry-After", "30",
                "X-RateLimit-Remaining-Month", "0")), NOW);
        RateLimitHeaders date = RateLimitHeaders.parse(headers(Map.of("Retry-After", "Sat, 28 Nov 2026 12:05:00 GMT")), NOW);
        RateLimitHeaders garbage = RateLimitHeaders.parse(headers(Map.of("Retry-After", "soon",
                "X-RateLimit-Remaining", "many")), NOW);

        assertThat(seconds.retryAfter()).isEqualTo(NOW.plusSeconds(30));
        assertThat(seconds.remainingMonth()).isZero();
        assertThat(date.retryAfter()).isEqualTo(Instant.parse("2026-11-28T12:05:00Z"));
        assertThat(garbage.retryAfter()).isNull();
        assertThat(garbage.remaining()).isNull();
    }

    @Test
    void retryAtIsTheLaterOfRetryAfterAndASpentWindowsReset() {
        Instant later = NOW.plusSeconds(50);
        assertThat(VelaroErrors.retryAt(new RateLimitHeaders(0, later, NOW.plusSeconds(10), null))).isEqualTo(later);
        assertThat(VelaroErrors.retryAt(new RateLimitHeaders(3, later, NOW.plusSeconds(10), null)))
                .isEqualTo(NOW.plusSeconds(10));
        assertThat(VelaroErrors.retryAt(new RateLimitHeaders(null, later, null, null))).isEqualTo(later);
        assertThat(VelaroErrors.retryAt(RateLimitHeaders.NONE)).isNull();
    }

    @Test
    void keysAreMaskedEverywhere() {
        String key = "vlk_" + "k".repeat(44) + "WXYZ";
        ApiKey apiKey = ApiKey.of(key, "apiKey");

        assertThat(apiKey).hasToString("vlk_…WXYZ");
        assertThat(apiKey.fingerprint()).hasSize(12).doesNotContain("kkkk");
        assertThat(Secrets.redact("bad key " + key + ", try again")).isEqualTo("bad key vlk_…WXYZ, try again");
        assertThat(Secrets.redact("Authorization: Bearer abc.def")).isEqualTo("Authorization: Bearer ******");
        assertThat(Secrets.redact("secret whsec_abc123== here")).isEqualTo("secret whsec_****** here");
        assertThat(Secrets.maskApiKey("vlk_short")).isEqualTo("vlk_…");
        assertThat(Secrets.maskApiKey("hunter2")).isEqualTo("******");
        assertThatThrownBy(() -> ApiKey.of("vlk_" + "a".repeat(47) + " ", "apiKey"))
                .hasMessageContaining("whitespace or control characters");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndACap() {
        for (int i = 0; i < 50; i++) {
            assertThat(RetryPolicy.backoff(1).toMillis()).isBetween(250L, 500L);
            assertThat(RetryPolicy.backoff(3).toMillis()).isBetween(1000L, 2000L);
            assertThat(RetryPolicy.backoff(40).toMillis()).isBetween(15_000L, 30_000L);
        }
    }

    @Test
    void onlyRequestsThatCannotBeAppliedTwiceAreRetried() {
        RateLimits limits = RateLimits.DEFAULTS;
        VelaroRequest get = VelaroRequest.api("GET", "/conversations", Map.of(), null);
        VelaroRequest post = VelaroRequest.api("POST", "/conversations", Map.of(), new byte[0]);
        VelaroServerException server = new VelaroServerException("500", 500, null);
        VelaroConnectionException lost = new VelaroConnectionException("reset", true, null);
        VelaroConnectionException refused = new VelaroConnectionException("refused", false, null);
        VelaroRateLimitException tooMany = new VelaroRateLimitException("429", 429, null, NOW.plusSeconds(5));
        VelaroRateLimitException localBudget = new VelaroRateLimitException("daily", 0, null, NOW.plusSeconds(5));

        assertThat(RetryPolicy.retryDelay(get, server, 1, limits, NOW)).isNotNull();
        assertThat(RetryPolicy.retryDelay(post, server, 1, limits, NOW)).isNull();
        assertThat(RetryPolicy.retryDelay(get, lost, 1, limits, NOW)).isNotNull();
        assertThat(RetryPolicy.retryDelay(post, lost, 1, limits, NOW)).isNull();
        assertThat(RetryPolicy.retryDelay(post, refused, 1, limits, NOW)).isNotNull();
        assertThat(RetryPolicy.retryDelay(post, tooMany, 1, limits, NOW)).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(RetryPolicy.retryDelay(get, localBudget, 1, limits, NOW)).isNull();
        assertThat(RetryPolicy.retryDelay(get, server, limits.maxRetries() + 1, limits, NOW)).isNull();
        assertThat(RetryPolicy.retryDelay(get, new VelaroBadRequestException("400", null), 1, limits, NOW)).isNull();
    }

    @Test
    void loopbackDetectionNeverResolvesNames() {
        assertThat(Endpoints.isLoopback("localhost")).isTrue();
        assertThat(Endpoints.isLoopback("127.9.9.9")).isTrue();
        assertThat(Endpoints.isLoopback("[::1]")).isTrue();
        assertThat(Endpoints.isLoopback("10.0.0.1")).isFalse();
        assertThat(Endpoints.isLoopback("localhost.evil.example")).isFalse();
        assertThat(Endpoints.isLoopback("127.0.0.1.nip.io")).isFalse();
    }

    @Test
    void redactingTwiceChangesNothing() {
        String key = "vlk_" + "k".repeat(44) + "WXYZ";
        String once = Secrets.redact("key " + key + ", Bearer abc, whsec_abc123");

        assertThat(once).isEqualTo("key vlk_…WXYZ, Bearer ******, whsec_******");
        assertThat(Secrets.redact(once)).isEqualTo(once);
    }

    @Test
    void aTriggerUrlsSecretPartsAreTheTokenLikeSegmentsTheLastOneAndTheQueryValues() {
        assertThat(WorkflowTrigger.secretParts(java.net.URI.create("https://h.example/hooks/workflows/aB3dE6gH9jK2")))
                .containsExactly("aB3dE6gH9jK2");
        assertThat(WorkflowTrigger.secretParts(java.net.URI.create(
                "https://h.example/workflows/0f8e7d6c5b4a39281706/triggers/manual/invoke?api-version=1&sig=s%2Bg%3D")))
                .containsExactly("0f8e7d6c5b4a39281706", "invoke", "1", "s%2Bg%3D", "s+g=");
        assertThat(WorkflowTrigger.secretParts(java.net.URI.create("http://127.0.0.1:8080/hooks/wf/T0p5ecretTr1gg3r/")))
                .containsExactly("T0p5ecretTr1gg3r");
    }

    @Test
    void theScrubberRemovesATokenItsFragmentsAndThePathButKeepsTheRestReadable() {
        String token = "q3Vx9_Lm2Rt8Kp4Zw7Yb1Nc6Hd0Fs5Gj-Ae3Ui8Oy2T";
        SecretScrubber scrubber = WorkflowTrigger.of("http://127.0.0.1:9/hooks/workflows/" + token, "triggerUrl")
                .scrubber();

        assertThat(scrubber.scrub("POST http://127.0.0.1:9/hooks/workflows/" + token + " failed"))
                .isEqualTo("POST ****** failed");
        assertThat(scrubber.scrub("bad token " + token + ".")).isEqualTo("bad token ******.");
        assertThat(scrubber.scrub("route hooks/workflows/" + token + "?x=1")).isEqualTo("route hooks/workflows/******?x=1");
        assertThat(scrubber.scrub("token " + token.substring(0, 9) + "… expired")).isEqualTo("token ******… expired");
        assertThat(scrubber.scrub("ends with " + token.substring(30).toUpperCase())).isEqualTo("ends with ******");
        assertThat(scrubber.scrub("mention of " + token.substring(0, 7))).as("too short to give it away")
                .isEqualTo("mention of " + token.substring(0, 7));
        assertThat(scrubber.scrub("workflow trigger on 127.0.0.1: workflows are disabled"))
                .isEqualTo("workflow trigger on 127.0.0.1: workflows are disabled");
        assertThat(SecretScrubber.GENERIC.scrub("a vlk_" + "k".repeat(48) + " key")).isEqualTo("a vlk_…kkkk key");
    }

    @Test
    void aCleanChainIsKeptAndALeakingOneIsCopiedWithClassNamesAndStackTraces() {
        SecretScrubber scrubber = new SecretScrubber(java.util.List.of(), java.util.List.of("T0p5ecretTr1gg3r"));
        java.io.IOException clean = new java.io.IOException("connection reset", new java.net.SocketException("eof"));
        java.net.SocketException root = new java.net.SocketException("eof");
        java.io.IOException leaking = new java.io.IOException("failed for /hooks/T0p5ecretTr1gg3r",
                new IllegalStateException("state", root));
        leaking.addSuppressed(new RuntimeException("also T0p5ecretTr1gg3r"));

        assertThat(scrubber.scrub(clean)).isSameAs(clean);
        Throwable copy = scrubber.scrub(leaking);

        assertThat(copy).isInstanceOf(RedactedException.class).hasMessage("failed for /hooks/******")
                .hasToString("java.io.IOException: failed for /hooks/******");
        assertThat(copy.getStackTrace()).isEqualTo(leaking.getStackTrace());
        // the links below hold no secret: kept as they are
        assertThat(copy.getCause()).isSameAs(leaking.getCause());
        assertThat(copy.getSuppressed()).hasSize(1);
        assertThat(copy.getSuppressed()[0]).hasToString("java.lang.RuntimeException: also ******");
        VelaroException wrapped = new VelaroException("x", 0, null, new java.io.IOException("key vlk_" + "k".repeat(48)));
        assertThat(wrapped.getCause()).hasToString("java.io.IOException: key vlk_…kkkk");
    }
}
