package io.github.camelvelaro.sandbox.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import io.github.camelvelaro.sandbox.faults.Fault;
import io.github.camelvelaro.sandbox.faults.FaultInjector;
import io.github.camelvelaro.sandbox.http.HttpOutcome;
import io.github.camelvelaro.sandbox.http.RawRequest;
import io.github.camelvelaro.sandbox.http.RawResponse;
import io.github.camelvelaro.sandbox.http.RequestHandler;
import io.github.camelvelaro.sandbox.journal.JournalEntry;
import io.github.camelvelaro.sandbox.journal.RequestJournal;
import io.github.camelvelaro.sandbox.keys.KeyRegistry;
import io.github.camelvelaro.sandbox.limits.RateLimiter;
import io.github.camelvelaro.sandbox.store.ContactStore;
import io.github.camelvelaro.sandbox.store.ConversationStore;
import io.github.camelvelaro.sandbox.workflows.WorkflowRuns;
import io.github.camelvelaro.sandbox.workflows.WorkflowTriggers;
import io.github.camelvelaro.velaro.client.Secrets;

/**
 * The HTTP entry point: routes a request to the {@link RestApi} (below {@value #BASE_PATH}) or to a workflow's trigger
 * URL (below {@value WorkflowTriggers#PATH}), applies an armed fault if one matches, lets the endpoint answer, and
 * writes every request to the journal (with its key's fingerprint, never the key; a trigger URL's token masked).
 */
public final class ApiRequestHandler implements RequestHandler {

    /** Like {@code https://api.velaro.com/v1}. */
    public static final String BASE_PATH = "/v1";

    private final Clock clock;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final RestApi api;
    private final WorkflowTriggerApi workflowTriggers;

    public ApiRequestHandler(Clock clock, KeyRegistry keys, RateLimiter limiter, ConversationStore conversations,
                             ContactStore contacts, FaultInjector faults, RequestJournal journal,
                             WorkflowTriggers triggers, WorkflowRuns runs) {
        this.clock = clock;
        this.faults = faults;
        this.journal = journal;
        this.api = new RestApi(clock, keys, limiter, conversations, contacts, faults);
        this.workflowTriggers = new WorkflowTriggerApi(clock, triggers, runs);
    }

    @Override
    public HttpOutcome handle(RawRequest request) {
        long started = System.nanoTime();
        Instant time = clock.instant();
        Route route = route(request.path());
        String journalPath = route.journalPath();
        Fault fault = route.faultPath() == null ? null : faults.take(request.method(), route.faultPath()).orElse(null);
        String faultName = fault == null ? null : fault.describe();

        if (fault instanceof Fault.Delay delay) {
            sleep(delay.delay());
        }
        if (fault instanceof Fault.Drop drop && !drop.afterProcessing()) {
            record(request, time, journalPath, 0, null, faultName, started);
            return new HttpOutcome.Drop(drop.reset());
        }
        ApiAnswer answer = fault instanceof Fault.Status status
                ? route.endpoint().failure(request, status.status())
                : route.endpoint().serve(request, route.path());
        if (fault instanceof Fault.Drop drop) {
            record(request, time, journalPath, 0, answer.keyFingerprint(), faultName, started);
            return new HttpOutcome.Drop(drop.reset());
        }
        RawResponse response = answer.response();
        if (fault instanceof Fault.MalformedJson) {
            response = response.withBody(truncate(response.body()));
        }
        record(request, time, journalPath, response.status(), answer.keyFingerprint(), faultName, started);
        return HttpOutcome.respond(response);
    }

    /**
     * Where a request goes.
     *
     * @param endpoint    what answers it
     * @param path        what the endpoint is given of the path (see {@link ApiEndpoint#serve})
     * @param faultPath   what faults limited to a path prefix match against, or null when no fault applies
     * @param journalPath what the journal shows, without secrets
     */
    private record Route(ApiEndpoint endpoint, String path, String faultPath, String journalPath) {
    }

    private Route route(String path) {
        if (path.startsWith(BASE_PATH + "/")) {
            String below = path.substring(BASE_PATH.length());
            return new Route(api, below, below, Secrets.redact(below));
        }
        if (path.startsWith(WorkflowTriggers.PATH + "/")) {
            // the token is the credential: faults and the journal see it masked
            return new Route(workflowTriggers, path.substring(WorkflowTriggers.PATH.length() + 1),
                    WorkflowTriggers.JOURNAL_PATH, WorkflowTriggers.JOURNAL_PATH);
        }
        // outside every endpoint: the REST API answers it (401, or 404 for a valid key)
        return new Route(api, null, null, Secrets.redact(path));
    }

    /** Half of the JSON, and never a complete document (an empty body would be a different failure). */
    private static byte[] truncate(byte[] body) {
        if (body.length < 2) {
            return "{\"data\":[".getBytes(StandardCharsets.UTF_8);
        }
        return Arrays.copyOf(body, Math.max(1, body.length / 2));
    }

    private void record(RawRequest request, Instant time, String path, int status, String fingerprint, String fault,
                        long startedNanos) {
        journal.record(new JournalEntry(time, request.method(), path, redactedQuery(request), status,
                fingerprint, fault, Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    /**
     * The query as readable text, with anything that looks like a key or secret masked. Masked before it is decoded:
     * decoding first could split a secret at a {@code +} (a space once decoded) and leave its tail in the clear.
     */
    private static String redactedQuery(RawRequest request) {
        String masked = Secrets.redact(request.rawQuery());
        try {
            return URLDecoder.decode(masked, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return masked;
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
