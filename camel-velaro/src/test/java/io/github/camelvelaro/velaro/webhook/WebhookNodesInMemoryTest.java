package io.github.camelvelaro.velaro.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.velaro.MutableClock;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two nodes share one instance of each repository in memory; the claims expire after 10 minutes by a clock the
 * test moves.
 */
class WebhookNodesInMemoryTest extends WebhookNodesContract {

    private static final Duration CLAIM_MAX_AGE = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock();
    private final IdempotentRepository completed = MemoryIdempotentRepository.memoryIdempotentRepository(100);
    private final IdempotentRepository claims = new ExpiringMemoryIdempotentRepository(CLAIM_MAX_AGE, clock);

    @Override
    protected Map<String, Object> repositories(String node, CamelContext context) {
        return Map.of("completed", completed, "claims", claims);
    }

    @Override
    protected void died(String node) {
        // nothing keeps an in-memory claim alive: it expires CLAIM_MAX_AGE after it was taken
    }

    @Override
    protected void claimsOutlive() {
        clock.advance(CLAIM_MAX_AGE);
    }

    /**
     * The setup docs/webhooks.md recommended so far: only the repository of completed deliveries is shared, each node
     * keeps its claims to itself. B cannot know that A holds evt_1, so it processes it too (at-least-once); what it
     * must not do is acknowledge it unprocessed, which would lose the event when A's route then fails.
     */
    @Test
    void withOnlyCompletedDeliveriesSharedAnEventInFlightIsProcessedAgainNotLost() throws Exception {
        startNodes("idempotentRepository=#completed");
        a.step.hold();
        a.step.failing(true);
        CompletableFuture<HttpResponse<String>> first = a.deliverAsync("evt_1");
        a.step.awaitEntered();

        assertThat(b.deliver("evt_1").statusCode()).isEqualTo(204);
        assertThat(b.step.calls()).as("acknowledged by B only because B processed it").isEqualTo(1);

        a.step.release();
        assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        assertThat(a.deliver("evt_1").statusCode()).isEqualTo(204);
        assertThat(a.step.calls()).as("completed on B: a duplicate for A").isEqualTo(1);
    }
}
