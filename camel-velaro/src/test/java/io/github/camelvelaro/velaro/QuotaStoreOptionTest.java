package io.github.camelvelaro.velaro;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.InMemoryQuotaStore;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.client.RateLimitHeaders;
import io.github.camelvelaro.velaro.client.RateLimits;
import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code quotaStore} option: the governor asks the store the user gives, by reference or autowired. */
class QuotaStoreOptionTest {

    private static final ApiKey KEY = ApiKey.of("vlk_" + "Q".repeat(48), "apiKey");
    private static final RateLimits LIMITS = new RateLimits(5, 10, 0, Duration.ZERO);

    @Test
    void theGovernorAsksTheStoreGivenByReference() throws Exception {
        RecordingStore store = new RecordingStore();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("sharedQuota", store);
            context.getRegistry().bind("another", new InMemoryQuotaStore()); // two beans: no autowiring
            context.start();
            VelaroComponent velaro = context.getComponent("velaro", VelaroComponent.class);
            PropertyBindingSupport.build().bind(context, velaro, "quotaStore", "#sharedQuota");

            assertThat(velaro.governor().store()).isSameAs(store);
            assertThat(velaro.governor().acquire(KEY, LIMITS, "GET /conversations").join()).isEqualTo(7L);
            velaro.governor().onResponse(KEY, 7, 200, RateLimitHeaders.NONE);
            assertThat(store.calls).containsExactly("acquire", "onResponse 7");
        }
    }

    @Test
    void aSingleQuotaStoreBeanIsAutowired() throws Exception {
        RecordingStore store = new RecordingStore();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("sharedQuota", store);
            context.start();
            assertThat(context.getComponent("velaro", VelaroComponent.class).governor().store()).isSameAs(store);
        }
    }

    @Test
    void withoutOneEachComponentCountsInMemory() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThat(context.getComponent("velaro", VelaroComponent.class).governor().store())
                    .isInstanceOf(InMemoryQuotaStore.class);
        }
    }

    /** A shared store that cannot be reached fails the request (not sent) instead of leaving it waiting for ever. */
    @Test
    void aStoreThatFailsFailsTheRequest() throws Exception {
        RecordingStore store = new RecordingStore();
        store.failure = new IllegalStateException("database down");
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("sharedQuota", store);
            context.start();
            var permit = context.getComponent("velaro", VelaroComponent.class).governor()
                    .acquire(KEY, LIMITS, "GET /conversations");
            assertThat(permit).isCompletedExceptionally();
            assertThatThrownBy(permit::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSpentDailyBudgetFromTheStoreIsARateLimitFailure() {
        VelaroException e = QuotaStore.dailyBudgetSpent("GET /x", LIMITS, Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(e).isInstanceOf(VelaroRateLimitException.class);
        assertThat(((VelaroRateLimitException) e).getRetryAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    static final class RecordingStore implements QuotaStore {
        final List<String> calls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Decision acquire(ApiKey key, RateLimits limits, Instant now, long tick, Object what) {
            if (failure != null) {
                throw failure;
            }
            calls.add("acquire");
            return Decision.granted(7);
        }

        @Override
        public void onResponse(ApiKey key, long permit, int status, RateLimitHeaders headers, Instant now) {
            calls.add("onResponse " + permit);
        }

        @Override
        public QuotaSnapshot snapshot(ApiKey key, RateLimits limits, Instant now, long tick) {
            return null;
        }
    }
}
