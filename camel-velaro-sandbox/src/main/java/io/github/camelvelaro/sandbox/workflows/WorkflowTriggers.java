package io.github.camelvelaro.sandbox.workflows;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelvelaro.velaro.client.Secrets;

/**
 * The webhook trigger URLs of workflows, {@value #PATH}/&lt;token&gt;. As in Velaro, the URL is the credential: whoever
 * knows it starts the workflow, without an API key. So the token is unguessable (256 random bits, never from the
 * sandbox's seed, which is for repeatable ids) and shown nowhere: the journal records {@link #JOURNAL_PATH}.
 * Thread-safe.
 */
public final class WorkflowTriggers {

    /** Where trigger URLs live, beside (not below) the API's {@code /v1}. */
    public static final String PATH = "/hooks/workflows";
    /** What the journal and path-limited faults see for every trigger URL: the token masked. */
    public static final String JOURNAL_PATH = PATH + "/" + Secrets.HIDDEN;

    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> workflowByToken = new ConcurrentHashMap<>();

    /** A new token that starts {@code workflow}; each call gives another one, also for the same workflow. */
    public String create(String workflow) {
        if (workflow == null || workflow.isBlank()) {
            throw new IllegalArgumentException("a workflow trigger needs the workflow's name");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        workflowByToken.put(token, workflow);
        return token;
    }

    /** The workflow this token starts, if it is one of ours. */
    public Optional<String> workflowFor(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(workflowByToken.get(token));
    }

    /** How many trigger URLs exist. */
    public int size() {
        return workflowByToken.size();
    }

    /** Names no token: they are credentials. */
    @Override
    public String toString() {
        return "WorkflowTriggers[" + size() + " trigger URLs]";
    }
}
