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
import io.github.camelvelaro.velaro.client.Secrets;

/**
 * The HTTP entry point: strips the base path ({@value #BASE_PATH}), applies an armed fault if one matches, lets the
 * {@link RestApi} answer, and writes every request to the journal (with its key's fingerprint, never the key).
 */
public final class ApiRequestHandler implements RequestHandler {

    /** Like {@code https://api.velaro.com/v1}. */
    public static final String BASE_PATH = "/v1";

    private final Clock clock;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final RestApi api;

    public ApiRequestHandler(Clock clock, KeyRegistry keys, RateLimiter limiter, ConversationStore conversations,
                             ContactStore contacts, FaultInjector faults, RequestJournal journal) {
        this.clock = clock;
        this.faults = faults;
        this.journal = journal;
        this.api = new RestApi(clock, keys, limiter, conversations, contacts, faults);
    }

    @Override
    public HttpOutcome handle(RawRequest request) {
        long started = System.nanoTime();
        Instant time = clock.instant();
        String path = belowBase(request.path());
        String journalPath = path == null ? request.path() : path;
        Fault fault = path == null ? null : faults.take(request.method(), path).orElse(null);
        String faultName = fault == null ? null : fault.describe();

        if (fault instanceof Fault.Delay delay) {
            sleep(delay.delay());
        }
        if (fault instanceof Fault.Drop drop && !drop.afterProcessing()) {
            record(request, time, journalPath, 0, null, faultName, started);
            return new HttpOutcome.Drop(drop.reset());
        }
        ApiAnswer answer = fault instanceof Fault.Status status
                ? api.failure(request, status.status())
                : api.serve(request, path);
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

    /** The path below {@value #BASE_PATH}, or null when the request is outside it. */
    static String belowBase(String path) {
        if (path.startsWith(BASE_PATH + "/")) {
            return path.substring(BASE_PATH.length());
        }
        return null;
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
        journal.record(new JournalEntry(time, request.method(), Secrets.redact(path), redactedQuery(request), status,
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
