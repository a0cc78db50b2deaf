package io.github.camelvelaro.velaro;


import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.client.RateLimits;
import io.github.camelvelaro.velaro.client.Secrets;
import io.github.camelvelaro.velaro.client.WorkflowTrigger;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import io.github.camelvelaro.velaro.model.ConversationStatus;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code velaro:} endpoint that only endpoints set; the account's (key, base URL, limits, site) are
 * {@link VelaroAccountOptions}, which the component sets too.
 */
@UriParams
public class VelaroConfiguration {

    /** 16 MiB: a page of 100 conversations is a few hundred KiB; the rest is headroom for long transcripts. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L * 1024 * 1024;
    /** Responses are held in one array: 1 GiB is far above any Velaro answer and well below the array limit. */
    static final long LARGEST_MAX_RESPONSE_SIZE = 1L << 30;

    // --- connection (the account's key, base URL, limits and site are in VelaroAccountOptions) ---

    /** How long to wait for a connection to Velaro. */
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;

    /** How long one attempt may take for the whole response, from sending the request to the last byte of the body. */
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long readTimeout = 30_000;

    /** The largest response body read from Velaro, in bytes, error bodies included; a larger one fails with VelaroMalformedResponseException without being read whole. */
    @UriParam(label = "advanced", defaultValue = "16777216")
    private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

    // --- rate governance ---

    /** How many times a request is retried after a 429 (any method) or, for GET only, after a 5xx or a connection failure. */
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;

    /** The longest a request may wait for a rate limit to reset before failing with VelaroRateLimitException instead. */
    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration")
    private long maxRetryWait = 120_000;

    // --- producer ---

    /** The producer operation: create (default), get, list, or update (contacts only); the CamelVelaroOperation header overrides it. */
    @UriParam(label = "producer", defaultValue = "create", enums = "create,get,list,update")
    private VelaroOperation operation = VelaroOperation.CREATE;

    /** The page the list operation returns (1-based); the CamelVelaroPage header overrides it. */
    @UriParam(label = "producer", defaultValue = "1")
    private int page = 1;

    /** Contacts list operation: only contacts with this email address (exact, case-insensitive). */
    @UriParam(label = "producer")
    private String email;

    /** The webhook trigger URL of a Velaro workflow, for velaro:workflows; the URL is the credential. */
    @UriParam(label = "producer,security", secret = true)
    private String triggerUrl;

    // --- listing and polling ---

    /** Items per page when listing or polling (1 to 100). */
    @UriParam(defaultValue = "100")
    private int pageSize = 100;

    /** Only conversations with this status. */
    @UriParam(enums = "open,resolved,missed,abandoned")
    private ConversationStatus status;

    /** Where a poller without a stored offset starts: now, beginning, or an ISO-8601 instant. */
    @UriParam(label = "consumer", defaultValue = "now")
    private String startFrom = "now";

    /** Where a poller keeps its offset across restarts (for example a FileStateRepository); in memory by default. */
    @UriParam(label = "consumer")
    @Metadata(autowired = false)
    private StateRepository<String, String> offsetRepository;

    /** Failed deliveries of the same item in a row after which the poller's health check reports DOWN naming the item (or, with skipFailingItems, the item is skipped). */
    @UriParam(label = "consumer", defaultValue = "5")
    private int maxItemFailures = 5;

    /** Whether an item whose delivery failed maxItemFailures times in a row is skipped (logged at WARN and counted) instead of being retried at every poll. */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean skipFailingItems;

    /** How far an item's updatedAt may lie beyond Velaro's present (its Date header) before the poller treats it as mis-stamped: delivered once, but the offset does not move past Velaro's present. */
    @UriParam(label = "consumer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long futureTolerance = 60_000;

    // --- webhooks ---

    /** The whsec_… signing secret (Standard Webhooks) that webhook deliveries are verified with. */
    @UriParam(label = "consumer,security", secret = true)
    private String webhookSecret;

    /** The largest clock difference accepted on the webhook-timestamp header, in either direction. */
    @UriParam(label = "consumer,security", defaultValue = "300000", javaType = "java.time.Duration")
    private long webhookTolerance = 300_000;

    /** Comma-separated webhook event types to pass on; others are acknowledged and dropped (all when empty). */
    @UriParam(label = "consumer")
    private String eventTypes;

    /** Remembers the ids of webhook deliveries whose route completed; a bounded in-memory repository by default. */
    @UriParam(label = "consumer")
    @Metadata(autowired = false)
    private IdempotentRepository idempotentRepository;

    /** Claims the ids of webhook deliveries being processed, for all nodes behind one URL; in memory per endpoint by default. */
    @UriParam(label = "consumer")
    @Metadata(autowired = false)
    private IdempotentRepository inProgressRepository;

    /** How long the default in-memory inProgressRepository holds the id of a delivery whose route has not finished. */
    @UriParam(label = "consumer", defaultValue = "600000", javaType = "java.time.Duration")
    private long inProgressTimeout = 600_000;

    /** The largest webhook body accepted, in bytes; larger bodies are answered 413 before any verification. */
    @UriParam(label = "consumer", defaultValue = "1048576")
    private long maxBodySize = 1_048_576;

    /** Whether a webhook consumer without a webhookSecret may start (Velaro documents no signature for transcripts). */
    @UriParam(label = "consumer,security", defaultValue = "false")
    private boolean allowUnsigned;

    // --- reconciliation: webhooks for speed, a slow poll for what they missed ---

    /** A name given to a webhook:velaro:events consumer and to the pollers that reconcile it (same siteId): each version (id, updatedAt) of a conversation or contact reaches the group's routes once, by whichever channel brings it first, and never after a newer one. */
    @UriParam(label = "consumer")
    private String reconcileGroup;

    /** Where a reconcileGroup remembers the newest updatedAt its routes received for each item (one repository shared by all nodes, in a cluster); by default the component's in-memory repository of the 10,000 most recent items. */
    @UriParam(label = "consumer,advanced")
    @Metadata(autowired = false)
    private StateRepository<String, String> reconcileRepository;

    /** How long a reconciling poller leaves a change to the webhooks: it delivers only versions updated at least this long before Velaro's present, so it does not race a webhook still on its way. */
    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration")
    private long reconcileGrace = 60_000;

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(long maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public VelaroOperation getOperation() {
        return operation;
    }

    public void setOperation(VelaroOperation operation) {
        this.operation = operation;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTriggerUrl() {
        return triggerUrl;
    }

    public void setTriggerUrl(String triggerUrl) {
        this.triggerUrl = triggerUrl;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public ConversationStatus getStatus() {
        return status;
    }

    public void setStatus(ConversationStatus status) {
        this.status = status;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public StateRepository<String, String> getOffsetRepository() {
        return offsetRepository;
    }

    public void setOffsetRepository(StateRepository<String, String> offsetRepository) {
        this.offsetRepository = offsetRepository;
    }

    public int getMaxItemFailures() {
        return maxItemFailures;
    }

    public void setMaxItemFailures(int maxItemFailures) {
        this.maxItemFailures = maxItemFailures;
    }

    public boolean isSkipFailingItems() {
        return skipFailingItems;
    }

    public void setSkipFailingItems(boolean skipFailingItems) {
        this.skipFailingItems = skipFailingItems;
    }

    public long getFutureTolerance() {
        return futureTolerance;
    }

    public void setFutureTolerance(long futureTolerance) {
        this.futureTolerance = futureTolerance;
    }

    /**
     * The validated {@code reconcileGroup}, or null when it is not set. Like {@code siteId} it becomes part of
     * repository keys, hence the same alphabet.
     */
    public String reconcileGroupOrNull() {
        if (reconcileGroup == null || reconcileGroup.isBlank()) {
            if (reconcileRepository != null) {
                throw new IllegalArgumentException("Option reconcileRepository is set but reconcileGroup is not: name "
                                                   + "the group (the same on the webhook consumer and its pollers) "
                                                   + "whose delivered versions the repository keeps");
            }
            return null;
        }
        String group = reconcileGroup.trim();
        if (!VelaroAccountOptions.KEY_PART.matcher(group).matches()) {
            throw new IllegalArgumentException("Option reconcileGroup must be 1 to 64 letters, digits, '.', '_' or '-', "
                                               + "starting with a letter or digit (it is part of repository keys), was '"
                                               + group + "'");
        }
        return group;
    }

    /** Checks the polling options that {@link #checkRanges()} does not. */
    public void checkPollingOptions() {
        requireRange("maxItemFailures", maxItemFailures, 1, Integer.MAX_VALUE);
        if (futureTolerance < 0) {
            throw new IllegalArgumentException("Option futureTolerance must not be negative");
        }
        if (reconcileGrace < 0) {
            throw new IllegalArgumentException("Option reconcileGrace must not be negative");
        }
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public long getWebhookTolerance() {
        return webhookTolerance;
    }

    public void setWebhookTolerance(long webhookTolerance) {
        this.webhookTolerance = webhookTolerance;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public IdempotentRepository getInProgressRepository() {
        return inProgressRepository;
    }

    public void setInProgressRepository(IdempotentRepository inProgressRepository) {
        this.inProgressRepository = inProgressRepository;
    }

    public long getInProgressTimeout() {
        return inProgressTimeout;
    }

    public void setInProgressTimeout(long inProgressTimeout) {
        this.inProgressTimeout = inProgressTimeout;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public boolean isAllowUnsigned() {
        return allowUnsigned;
    }

    public void setAllowUnsigned(boolean allowUnsigned) {
        this.allowUnsigned = allowUnsigned;
    }

    public String getReconcileGroup() {
        return reconcileGroup;
    }

    public void setReconcileGroup(String reconcileGroup) {
        this.reconcileGroup = reconcileGroup;
    }

    public long getReconcileGrace() {
        return reconcileGrace;
    }

    public void setReconcileGrace(long reconcileGrace) {
        this.reconcileGrace = reconcileGrace;
    }

    public StateRepository<String, String> getReconcileRepository() {
        return reconcileRepository;
    }

    public void setReconcileRepository(StateRepository<String, String> reconcileRepository) {
        this.reconcileRepository = reconcileRepository;
    }

    // --- validation, used at endpoint start; messages name the option and never echo a secret ---

    /** The endpoint's rate limits (the account's) and retry settings. */
    public RateLimits rateLimits(VelaroAccountOptions account) {
        return new RateLimits(account.getRateLimitPerMinute(), account.getDailyRequestLimit(), maxRetries, java.time.Duration.ofMillis(maxRetryWait));
    }

    /** The validated trigger URL of velaro:workflows. */
    public WorkflowTrigger workflowTrigger() {
        return WorkflowTrigger.of(triggerUrl, "triggerUrl");
    }

    /**
     * The checks every producer and poller of {@code resource} passes when it is created, the same for both: the
     * ranges, and the options that only some resources take.
     */
    public void checkFor(VelaroResource resource, VelaroAccountOptions account) {
        account.checkRanges();
        checkRanges();
        if (status != null && resource != VelaroResource.CONVERSATIONS) {
            throw new IllegalArgumentException("Option status filters conversations only; velaro:" + resource
                                               + " has no status");
        }
    }

    /** Checks the numeric options. */
    public void checkRanges() {
        requireRange("pageSize", pageSize, 1, ListQuery.MAX_PAGE_SIZE);
        requireRange("page", page, 1, Integer.MAX_VALUE);
        requireRange("maxRetries", maxRetries, 0, 100);
        if (connectTimeout <= 0 || readTimeout <= 0) {
            throw new IllegalArgumentException("Options connectTimeout and readTimeout must be positive durations");
        }
        requireRange("maxResponseSize", maxResponseSize, 1, LARGEST_MAX_RESPONSE_SIZE);
        if (maxRetryWait < 0) {
            throw new IllegalArgumentException("Option maxRetryWait must not be negative");
        }
    }

    static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Option " + option + " must be "
                                               + (max == Integer.MAX_VALUE ? "at least " + min
                                                       : "between " + min + " and " + max)
                                               + ", was " + value);
        }
    }

    /** Secrets are masked: the key as vlk_…abcd, the webhook secret and trigger URL not at all. */
    @Override
    public String toString() {
        return "VelaroConfiguration[operation=" + operation
               + ", pageSize=" + pageSize
               + ", status=" + status
               + ", startFrom=" + startFrom
               + ", webhookSecret=" + (webhookSecret == null ? "none" : Secrets.HIDDEN)
               + ", triggerUrl=" + (triggerUrl == null ? "none" : Secrets.HIDDEN)
               + "]";
    }
}
