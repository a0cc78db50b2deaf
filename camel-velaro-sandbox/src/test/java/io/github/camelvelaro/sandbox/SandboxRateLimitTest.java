package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.github.camelvelaro.sandbox.limits.LimitSettings;
import io.github.camelvelaro.sandbox.limits.ResetFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxRateLimitTest extends FrozenSiteTest {


    @BeforeEach
    void theGuidesDefaultPlan() {
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS);
    }

    @Test
    void everyResponseCarriesTheRateLimitHeadersAndDate() throws IOException {
        String readOnly = sandbox.createReadOnlyKey();
        HttpResponse<?>[] responses = {
                api.get("/conversations", key),
                api.post("/conversations", key, "{}"),
                api.trySend("GET", "/conversations", null, null),
                api.post("/conversations", readOnly, "{\"message\":\"hi\"}"),
                api.get("/conversations/conv_none", key),
                api.get("/nothing-here", key) };

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 400, 401, 403, 404, 404);
        for (HttpResponse<?> response : responses) {
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue("60");
            assertThat(response.headers().firstValue("Date")).hasValue("Tue, 10 Mar 2026 10:00:00 GMT");
            assertThat(response.headers().firstValue("X-RateLimit-Remaining-Month")).isEmpty();
        }
        // 400 and 404 were counted for the key (four requests); the 401 (no key) was not
        assertThat(responses[5].headers().firstValue("X-RateLimit-Remaining")).hasValue("56");
        assertThat(responses[2].headers().firstValue("X-RateLimit-Remaining")).hasValue("60");
    }

    @Test
    void thePerMinuteWindowRefusesWith429UntilItResets() {
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withPerMinute(3));

        assertThat(remaining(api.get("/conversations", key))).isEqualTo("2");
        sandbox.clock().advance(Duration.ofSeconds(20));
        assertThat(remaining(api.get("/conversations", key))).isEqualTo("1");
        assertThat(remaining(api.get("/conversations", key))).isEqualTo("0");
        HttpResponse<String> refused = api.get("/conversations", key);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(ApiCalls.errorCode(refused)).isEqualTo("rate_limit_exceeded");
        assertThat(ApiCalls.errorMessage(refused)).contains("3 requests per minute");
        // the window opened with the first request, 20 s ago
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("40");
        assertThat(refused.headers().firstValue("X-RateLimit-Reset")).hasValue("40");
        assertThat(remaining(refused)).isEqualTo("0");

        sandbox.clock().advance(Duration.ofSeconds(39));
        assertThat(api.get("/conversations", key).statusCode()).isEqualTo(429);
        sandbox.clock().advance(Duration.ofSeconds(1));
        HttpResponse<String> again = api.get("/conversations", key);
        assertThat(again.statusCode()).isEqualTo(200);
        // refused requests used up nothing: a full new window
        assertThat(remaining(again)).isEqualTo("2");
        assertThat(again.headers().firstValue("X-RateLimit-Reset")).hasValue("60");
    }

    @Test
    void thePerMinuteWindowIsPerKey() {
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withPerMinute(2));
        String other = sandbox.createReadWriteKey();

        api.get("/conversations", key);
        api.get("/conversations", key);

        assertThat(api.get("/conversations", key).statusCode()).isEqualTo(429);
        HttpResponse<String> otherKey = api.get("/conversations", other);
        assertThat(otherKey.statusCode()).isEqualTo(200);
        assertThat(remaining(otherKey)).isEqualTo("1");
    }

    @Test
    void theDailyLimitIsSiteWideAndRollsOverAtUtcMidnight() {
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withPerDay(5).withPerMinute(100));
        String other = sandbox.createReadWriteKey();
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/conversations", key).statusCode()).isEqualTo(200);
        }
        sandbox.clock().advance(Duration.ofHours(2));
        for (int i = 0; i < 2; i++) {
            assertThat(api.get("/contacts", other).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = api.get("/conversations", key);
        HttpResponse<String> refusedOther = api.get("/conversations", other);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refusedOther.statusCode()).isEqualTo(429);
        assertThat(ApiCalls.errorMessage(refused)).contains("5 requests per day");
        // 12:00 now: 12 hours to midnight
        assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(12 * 3600));
        // the key's own minute window is not spent
        assertThat(remaining(refused)).isEqualTo("100");

        sandbox.clock().set(Instant.parse("2026-03-10T23:59:59Z"));
        assertThat(api.get("/conversations", key).statusCode()).isEqualTo(429);
        sandbox.clock().set(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(api.get("/conversations", key).statusCode()).isEqualTo(200);
    }

    @Test
    void aMonthlyCapIsReportedOnEveryResponseAndRefusesUntilTheMonthRollsOver() {
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withPerMonth(2));

        HttpResponse<String> first = api.get("/conversations", key);
        HttpResponse<String> second = api.get("/conversations", key);
        HttpResponse<String> refused = api.get("/conversations", key);

        assertThat(first.headers().firstValue("X-RateLimit-Remaining-Month")).hasValue("1");
        assertThat(second.headers().firstValue("X-RateLimit-Remaining-Month")).hasValue("0");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining-Month")).hasValue("0");
        assertThat(ApiCalls.errorMessage(refused)).contains("2 requests per month");
        long toApril = Duration.between(T0, Instant.parse("2026-04-01T00:00:00Z")).toSeconds();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(toApril));

        sandbox.clock().set(Instant.parse("2026-04-01T00:00:00Z"));
        HttpResponse<String> april = api.get("/conversations", key);
        assertThat(april.statusCode()).isEqualTo(200);
        assertThat(april.headers().firstValue("X-RateLimit-Remaining-Month")).hasValue("1");
    }

    @Test
    void theResetCanBeSentAsEpochSeconds() {
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withResetFormat(ResetFormat.EPOCH_SECONDS));

        HttpResponse<String> first = api.get("/conversations", key);
        sandbox.clock().advance(Duration.ofMillis(30_500));
        HttpResponse<String> later = api.get("/conversations", key);

        String expected = Long.toString(T0.plusSeconds(60).getEpochSecond());
        assertThat(first.headers().firstValue("X-RateLimit-Reset")).hasValue(expected);
        assertThat(later.headers().firstValue("X-RateLimit-Reset")).hasValue(expected);
        assertThat(Long.parseLong(expected)).isGreaterThan(1_000_000_000L);

        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withResetFormat(ResetFormat.DELTA_SECONDS));
        // 29.5 s left: rounded up, so waiting that long is always enough
        assertThat(api.get("/conversations", key).headers().firstValue("X-RateLimit-Reset")).hasValue("30");
    }

    private static String remaining(HttpResponse<String> response) {
        return response.headers().firstValue("X-RateLimit-Remaining").orElseThrow();
    }
}
