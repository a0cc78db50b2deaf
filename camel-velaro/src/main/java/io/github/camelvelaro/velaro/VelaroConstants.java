package io.github.camelvelaro.velaro;

import org.apache.camel.spi.Metadata;

/** Names of the component's message headers (the contract's header table). */
public final class VelaroConstants {

    public static final String SCHEME = "velaro";

    @Metadata(label = "producer", description = "The operation to perform (create, get, list, update), overriding the "
                                                + "endpoint's operation option for this message.",
              javaType = "String")
    public static final String OPERATION = "CamelVelaroOperation";

    @Metadata(description = "The conversation id: read by the get operation, and set on every conversation a "
                            + "consumer or producer returns (and on transcripts and conversation events).",
              javaType = "String")
    public static final String CONVERSATION_ID = "CamelVelaroConversationId";

    @Metadata(description = "The contact id: read by the get and update operations, and set on every contact a "
                            + "consumer or producer returns (and on contact events).",
              javaType = "String")
    public static final String CONTACT_ID = "CamelVelaroContactId";

    @Metadata(label = "producer", description = "The value of X-RateLimit-Remaining on the last response: requests "
                                                + "left in the key's current per-minute window.",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelVelaroRateLimitRemaining";

    @Metadata(label = "producer", description = "When the key's current rate-limit window resets, whatever unit "
                                                + "Velaro sent X-RateLimit-Reset in.",
              javaType = "java.time.Instant")
    public static final String RATE_LIMIT_RESET = "CamelVelaroRateLimitReset";

    @Metadata(label = "producer", description = "In: the page the list operation returns (overrides the page option). "
                                                + "Out: the page that was returned.",
              javaType = "Integer")
    public static final String PAGE = "CamelVelaroPage";

    @Metadata(label = "producer", description = "After the list operation: whether more pages follow.",
              javaType = "Boolean")
    public static final String HAS_MORE = "CamelVelaroHasMore";

    @Metadata(label = "producer", description = "After the list operation: the total number of matching items, when "
                                                + "Velaro sends it.",
              javaType = "Integer")
    public static final String TOTAL_COUNT = "CamelVelaroTotalCount";

    @Metadata(label = "producer", description = "Contacts list operation: only contacts with this email address "
                                                + "(exact, case-insensitive); overrides the email option.",
              javaType = "String")
    public static final String CONTACT_EMAIL = "CamelVelaroContactEmail";

    @Metadata(label = "producer", description = "List operation: only items updated at or after this instant "
                                                + "(an Instant or an ISO-8601 string).",
              javaType = "java.time.Instant")
    public static final String UPDATED_SINCE = "CamelVelaroUpdatedSince";

    @Metadata(label = "consumer", description = "The webhook event id (the webhook-id header), unique per event and "
                                                + "the same on redeliveries.",
              javaType = "String")
    public static final String EVENT_ID = "CamelVelaroEventId";

    @Metadata(label = "consumer", description = "The webhook event type, e.g. conversation.resolved.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelVelaroEventType";

    private VelaroConstants() {
    }
}
