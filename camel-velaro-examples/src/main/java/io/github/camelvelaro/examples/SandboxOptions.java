package io.github.camelvelaro.examples;

/**
 * How the embedded sandbox is run when no API key is set.
 *
 * @param activityPerMinute simulated changes a minute on a background thread (visitors start conversations, agents
 *                          take and resolve them, contacts change); 0 for none, so a test drives the sandbox itself
 * @param initialChanges    changes made before the routes start, so that there are open conversations for agents
 *                          to resolve from the first seconds on
 * @param pollDelayMillis   the conversation poller's delay: short here, because the sandbox's budget is local
 * @param seed              seeds ids and generated activity to repeat a run; null for a random one
 * @param fastWebhookRetry  redeliver failed webhooks after milliseconds instead of seconds (tests)
 */
public record SandboxOptions(int activityPerMinute, int initialChanges, long pollDelayMillis, Long seed,
                             boolean fastWebhookRetry) {

    /**
     * A lively site: 90 changes a minute (about a dozen resolutions), and the poller asking every 3 s. With the
     * follow-ups that is some 40 requests a minute, within the 60 a key may send.
     */
    public static SandboxOptions defaults() {
        return new SandboxOptions(90, 20, 3000, null, false);
    }

    /** No background activity and no initial changes: the caller makes every change, so the outcome is exact. */
    public static SandboxOptions quiet(long pollDelayMillis, long seed) {
        return new SandboxOptions(0, 0, pollDelayMillis, seed, true);
    }

    public SandboxOptions {
        if (activityPerMinute < 0 || initialChanges < 0) {
            throw new IllegalArgumentException("activityPerMinute and initialChanges must be 0 or more");
        }
        if (pollDelayMillis < 1) {
            throw new IllegalArgumentException("pollDelayMillis must be 1 or more");
        }
    }
}
