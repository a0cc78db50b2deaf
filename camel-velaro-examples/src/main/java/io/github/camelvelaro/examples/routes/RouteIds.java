package io.github.camelvelaro.examples.routes;

/**
 * The ids of the example's routes, the same in the Java and the YAML DSL: the console's summary and the start-up
 * filter (which leaves out a route whose setting is missing) refer to routes by these ids.
 */
public final class RouteIds {

    public static final String POLL_CONVERSATIONS = "poll-conversations";
    public static final String WEBHOOK_EVENTS = "webhook-events";
    public static final String RESOLVED_CONVERSATION = "resolved-conversation";
    public static final String UPSERT_CONTACT = "upsert-contact";
    public static final String FOLLOW_UP_WORKFLOW = "follow-up-workflow";

    /** Where the webhook consumer listens, below the HTTP server's root. */
    public static final String WEBHOOK_PATH = "/velaro/events";

    /** The exchange variable holding the resolved conversation while its follow-ups run. */
    public static final String CONVERSATION_VARIABLE = "conversation";

    private RouteIds() {
    }
}
