package io.github.camelvelaro.velaro.consumer;

import java.util.Map;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.exception.VelaroException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's health check of a scheduled poller (DOWN after failed polls, with the error), plus what an operator of a
 * Velaro poller wants to see: when it last polled successfully, where its cursor stands, the quota as last seen and the
 * item whose deliveries keep failing. It reports DOWN while Velaro refuses the key, also during the backoff between
 * attempts, and while an item has failed {@code maxItemFailures} deliveries in a row (the polls themselves succeed,
 * but nothing after that item is delivered). It never calls Velaro.
 */
final class VelaroPollHealthCheck extends ScheduledPollConsumerHealthCheck {

    static final String LAST_SUCCESSFUL_POLL = "velaro.last.successful.poll";
    static final String CURSOR_UPDATED_SINCE = "velaro.cursor.updated.since";
    static final String CURSOR_IDS_AT_BOUNDARY = "velaro.cursor.ids.at.boundary";
    static final String CURSOR_DELIVERED_AHEAD = "velaro.cursor.delivered.ahead";
    static final String FAILING_ITEM_ID = "velaro.failing.item.id";
    static final String FAILING_ITEM_UPDATED_AT = "velaro.failing.item.updated.at";
    static final String FAILING_ITEM_FAILURES = "velaro.failing.item.failures";
    static final String FAILING_ITEM_LAST_ERROR = "velaro.failing.item.last.error";
    static final String SKIPPED_ITEMS = "velaro.skipped.items";
    static final String LAST_SKIPPED_ITEM = "velaro.last.skipped.item";
    static final String PAUSED_UNTIL = "velaro.paused.until";
    static final String POLL_REQUESTS = "velaro.poll.requests";
    static final String RECONCILE_GROUP = "velaro.reconcile.group";
    static final String RECONCILE_DELIVERED = "velaro.reconcile.delivered";
    static final String RECONCILE_SKIPPED = "velaro.reconcile.skipped";
    static final String QUOTA_KEY = "velaro.quota.key";
    static final String QUOTA_MINUTE_REMAINING = "velaro.quota.minute.remaining";
    static final String QUOTA_MINUTE_LIMIT = "velaro.quota.minute.limit";
    static final String QUOTA_DAILY_USED = "velaro.quota.daily.used";
    static final String QUOTA_DAILY_LIMIT = "velaro.quota.daily.limit";
    static final String QUOTA_DAILY_RESET = "velaro.quota.daily.reset";
    static final String QUOTA_MONTH_REMAINING = "velaro.quota.month.remaining";
    static final String QUOTA_BLOCKED_UNTIL = "velaro.quota.blocked.until";

    private final VelaroPollingConsumer consumer;

    VelaroPollHealthCheck(VelaroPollingConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result base = super.call(options);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(base.getState());
        base.getMessage().ifPresent(builder::message);
        base.getError().ifPresent(builder::error);
        builder.details(base.getDetails());
        if (!isEnabled()) {
            return builder.build();
        }

        PollStatus status = consumer.pollStatus();
        putIfSet(builder, LAST_SUCCESSFUL_POLL, status.lastSuccessfulPoll());
        if (status.cursor() != null) {
            builder.detail(CURSOR_UPDATED_SINCE, status.cursor().updatedSince().toString());
            builder.detail(CURSOR_IDS_AT_BOUNDARY, status.cursor().idsAtBoundary().size());
            builder.detail(CURSOR_DELIVERED_AHEAD, status.cursor().deliveredAhead().size());
        }
        putIfSet(builder, PAUSED_UNTIL, status.pausedUntil());
        consumer.pacingDetails().forEach(builder::detail);
        builder.detail(POLL_REQUESTS, status.requests());
        Reconciliation.Counts reconciled = status.reconciliation();
        if (reconciled != null) {
            builder.detail(RECONCILE_GROUP, reconciled.group());
            builder.detail(RECONCILE_DELIVERED, reconciled.delivered());
            builder.detail(RECONCILE_SKIPPED, reconciled.skipped());
        }
        QuotaSnapshot quota = status.quota();
        if (quota != null) {
            builder.detail(QUOTA_KEY, quota.key());
            builder.detail(QUOTA_MINUTE_REMAINING, quota.minuteRemaining());
            builder.detail(QUOTA_MINUTE_LIMIT, quota.minuteLimit());
            builder.detail(QUOTA_DAILY_USED, quota.dailyUsed());
            builder.detail(QUOTA_DAILY_LIMIT, quota.dailyLimit());
            putIfSet(builder, QUOTA_DAILY_RESET, quota.dailyReset());
            putIfSet(builder, QUOTA_MONTH_REMAINING, quota.monthRemaining());
            putIfSet(builder, QUOTA_BLOCKED_UNTIL, quota.blockedUntil());
        }

        ItemFailures.Failure failing = status.failingItem();
        if (failing != null) {
            builder.detail(FAILING_ITEM_ID, failing.id());
            builder.detail(FAILING_ITEM_UPDATED_AT, failing.updatedAt().toString());
            builder.detail(FAILING_ITEM_FAILURES, failing.count());
            builder.detail(FAILING_ITEM_LAST_ERROR, failing.describeError());
        }
        builder.detail(SKIPPED_ITEMS, status.skippedItems());
        putIfSet(builder, LAST_SKIPPED_ITEM, status.lastSkippedItem());
        if (consumer.itemFailures().isStuck(failing)) {
            // every poll succeeds, so Camel's own check stays UP while nothing after this item is delivered
            builder.down();
            builder.message("The " + consumer.itemNoun() + " " + failing.id() + " (updatedAt " + failing.updatedAt()
                            + ") polled from " + consumer.describe() + " failed " + failing.count()
                            + " deliveries in a row (maxItemFailures=" + consumer.itemFailures().threshold()
                            + ") and holds back every later change; last error: " + failing.describeError());
            builder.error(failing.lastError());
        }

        VelaroException refused = status.authFailure();
        if (refused != null) {
            // Camel resets its error count when a backoff ends, but a refused key stays refused until a poll succeeds
            builder.down();
            builder.message("Velaro refuses the API key " + consumer.maskedKey() + " of " + consumer.describe() + " ("
                            + refused.getStatusCode() + "): " + refused.getMessage());
            builder.error(refused);
        }
        return builder.build();
    }

    private static void putIfSet(HealthCheckResultBuilder builder, String key, Object value) {
        if (value != null) {
            builder.detail(key, value.toString());
        }
    }
}
