package io.github.camelvelaro.examples.console;

import java.util.Map;

/**
 * What the routes have done so far.
 *
 * @param conversationsPolled   conversation changes the poller delivered
 * @param eventsByType          webhook events passed to the route, by type, in type order
 * @param followedUpFromWebhook resolved conversations whose follow-up ran when their webhook event arrived
 * @param followedUpFromPolling resolved conversations whose follow-up ran when the poller saw them (the webhook's
 *                              copy was missed or came later)
 * @param contactsCreated       contacts the example created
 * @param contactsUpdated       contacts the example updated
 * @param workflowsTriggered    follow-up workflow runs started
 * @param errors                exchanges that failed
 * @param lastError             the last failure as one line (route, exception, message), or null
 */
public record StatsSnapshot(long conversationsPolled, Map<String, Long> eventsByType, long followedUpFromWebhook,
                            long followedUpFromPolling, long contactsCreated, long contactsUpdated,
                            long workflowsTriggered, long errors, String lastError) {

    public long eventsReceived() {
        return eventsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long followedUp() {
        return followedUpFromWebhook + followedUpFromPolling;
    }
}
