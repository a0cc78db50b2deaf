package io.github.camelvelaro.velaro.webhook;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes behind one Velaro webhook URL, each with its own CamelContext and HTTP server, sharing the repository of
 * completed deliveries ({@code idempotentRepository}) and the one of deliveries in progress
 * ({@code inProgressRepository}). Subclasses provide the repositories: in memory, or camel-sql's on PostgreSQL.
 */
abstract class WebhookNodesContract {

    static final String SHARED = "idempotentRepository=#completed&inProgressRepository=#claims";

    protected WebhookNode a;
    protected WebhookNode b;

    /** The beans {@code completed} and {@code claims} of one node (the same instances, or the same tables). */
    protected abstract Map<String, Object> repositories(String node, CamelContext context);

    /** A node dies: whatever kept its claims alive stops (its route never returns). */
    protected abstract void died(String node) throws Exception;

    /** Time passes until every claim taken so far is older than the claims' maximum age. */
    protected abstract void claimsOutlive() throws Exception;

    protected void startNodes(String options) throws Exception {
        a = new WebhookNode("node-a", options, context -> repositories("a", context));
        b = new WebhookNode("node-b", options, context -> repositories("b", context));
    }

    @AfterEach
    void stopNodes() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /**
     * Node A holds evt_1 in its route; Velaro redelivers it to B, which must not acknowledge it (409, come back
     * later) nor process it; A's route then fails (500), and the next redelivery is processed; after that one
     * completed, a redelivery to either node is a 204 duplicate.
     */
    @Test
    void anEventInFlightOnOneNodeIsNotAcknowledgedByTheOther() throws Exception {
        startNodes(SHARED);
        a.step.hold();
        a.step.failing(true);
        CompletableFuture<HttpResponse<String>> first = a.deliverAsync("evt_1");
        a.step.awaitEntered();

        HttpResponse<String> redelivery = b.deliver("evt_1");
        assertThat(redelivery.statusCode()).as("in flight on A: not acknowledged by B").isEqualTo(409);
        assertThat(redelivery.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(b.step.calls()).isZero();

        a.step.release();
        assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(500);

        assertThat(b.deliver("evt_1").statusCode()).isEqualTo(204);
        assertThat(b.step.calls()).as("the redelivery after A failed is processed").isEqualTo(1);

        assertThat(a.deliver("evt_1").statusCode()).isEqualTo(204);
        assertThat(b.deliver("evt_1").statusCode()).isEqualTo(204);
        assertThat(a.step.calls()).as("completed on B: a duplicate for A").isEqualTo(1);
        assertThat(b.step.calls()).isEqualTo(1);
    }

    /**
     * Node A dies in the middle of evt_2's route: its claim is never released. Redeliveries get 409 while the claim
     * is fresh, and once it is older than the claims' maximum age the next redelivery is processed.
     */
    @Test
    void theClaimOfANodeThatDiedExpires() throws Exception {
        startNodes(SHARED);
        a.step.hold();
        CompletableFuture<HttpResponse<String>> dying = a.deliverAsync("evt_2");
        a.step.awaitEntered();
        died("a");

        assertThat(b.deliver("evt_2").statusCode()).isEqualTo(409);
        claimsOutlive();
        assertThat(b.deliver("evt_2").statusCode()).as("the dead node's claim expired").isEqualTo(204);
        assertThat(b.step.calls()).isEqualTo(1);
        assertThat(b.deliver("evt_2").statusCode()).isEqualTo(204);
        assertThat(b.step.calls()).isEqualTo(1);

        a.step.release();
        dying.get(60, TimeUnit.SECONDS);
    }
}
