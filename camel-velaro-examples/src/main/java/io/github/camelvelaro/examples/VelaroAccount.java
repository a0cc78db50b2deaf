package io.github.camelvelaro.examples;

import java.util.Map;

/**
 * The user's Velaro settings, from the environment only (never from files or the command line, where they would be
 * kept in shell history). {@link #toString()} says which are set, never their values.
 *
 * @param apiKey             {@code VELARO_API_KEY}; none means the example runs against the embedded sandbox
 * @param webhookSecret      {@code VELARO_WEBHOOK_SECRET}, the {@code whsec_} secret of Velaro Settings → Webhooks
 * @param workflowTriggerUrl {@code VELARO_WORKFLOW_TRIGGER_URL}, the follow-up workflow's webhook trigger
 * @param baseUrl            {@code VELARO_BASE_URL}, for another Velaro than api.velaro.com (e.g. a standalone sandbox)
 * @param dailyRequestLimit  {@code VELARO_DAILY_REQUEST_LIMIT}, the plan's requests a day when it is not 1,000
 */
public record VelaroAccount(String apiKey, String webhookSecret, String workflowTriggerUrl, String baseUrl,
                            Integer dailyRequestLimit) {

    public static final String API_KEY = "VELARO_API_KEY";
    public static final String WEBHOOK_SECRET = "VELARO_WEBHOOK_SECRET";
    public static final String WORKFLOW_TRIGGER_URL = "VELARO_WORKFLOW_TRIGGER_URL";
    public static final String BASE_URL = "VELARO_BASE_URL";
    public static final String DAILY_REQUEST_LIMIT = "VELARO_DAILY_REQUEST_LIMIT";

    /** No account: the sandbox. */
    public static final VelaroAccount NONE = new VelaroAccount(null, null, null, null, null);

    public VelaroAccount {
        apiKey = blankToNull(apiKey);
        webhookSecret = blankToNull(webhookSecret);
        workflowTriggerUrl = blankToNull(workflowTriggerUrl);
        baseUrl = blankToNull(baseUrl);
        if (dailyRequestLimit != null && dailyRequestLimit < 1) {
            throw new IllegalArgumentException(DAILY_REQUEST_LIMIT + " must be 1 or more, was " + dailyRequestLimit);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code VELARO_DAILY_REQUEST_LIMIT} is not a positive number
     */
    public static VelaroAccount fromEnvironment(Map<String, String> env) {
        String limit = blankToNull(env.get(DAILY_REQUEST_LIMIT));
        Integer dailyLimit;
        try {
            dailyLimit = limit == null ? null : Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(DAILY_REQUEST_LIMIT + " is a number of requests, was '" + limit + "'");
        }
        return new VelaroAccount(env.get(API_KEY), env.get(WEBHOOK_SECRET), env.get(WORKFLOW_TRIGGER_URL),
                env.get(BASE_URL), dailyLimit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "VelaroAccount[api key " + set(apiKey) + ", webhook secret " + set(webhookSecret)
               + ", workflow trigger URL " + set(workflowTriggerUrl) + ", base URL " + set(baseUrl)
               + ", daily request limit " + (dailyRequestLimit == null ? "default" : dailyRequestLimit) + "]";
    }

    private static String set(String value) {
        return value == null ? "not set" : "set";
    }
}
