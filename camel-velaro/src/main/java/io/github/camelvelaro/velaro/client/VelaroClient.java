package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroAuthenticationException;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.exception.VelaroMalformedResponseException;
import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JavaType;
import io.github.camelvelaro.velaro.metrics.VelaroMetrics;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.VelaroJson;
import io.github.camelvelaro.velaro.model.VelaroPage;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that sends requests to Velaro: it asks the {@link RateGovernor} when a request may go, adds the
 * headers, sends with the component's pooled Apache HttpClient 5 ({@link PooledHttpClient}), maps each response to a
 * model or to the typed exception of its status, and retries what {@link RetryPolicy} says is safe to repeat.
 * <p>
 * A request that may go at once is sent on the calling thread, which waits for the answer, as a plain (blocking)
 * client does; one that must wait for a limit or a retry is parked on the governor's scheduler (no thread held
 * while it waits) and then sent from the I/O pool.
 * <p>
 * A response must arrive whole within {@code readTimeout} (from sending to its last byte) and be no larger than
 * {@code maxResponseSize}: the transport-neutral {@link ResponseDeadline} and {@link BoundedBody} hold those limits.
 * When one is crossed the request is aborted, which closes its connection (never drained, never pooled half-read),
 * so a server that trickles or floods cannot hang the calling thread or fill the heap.
 * <p>
 * The HTTP client itself never retries nor follows a redirect ({@link PooledHttpClient}): every retry decision is
 * the component's.
 */
public class VelaroClient implements VelaroApi {

    private static final Logger LOG = LoggerFactory.getLogger(VelaroClient.class);

    private static final JavaType CONVERSATION = VelaroJson.mapper().constructType(Conversation.class);
    private static final JavaType CONTACT = VelaroJson.mapper().constructType(Contact.class);
    private static final JavaType CONVERSATION_PAGE = VelaroJson.pageOf(Conversation.class);
    private static final JavaType CONTACT_PAGE = VelaroJson.pageOf(Contact.class);
    private static final JavaType TEXT = VelaroJson.mapper().constructType(String.class);
    /** What a workflow request, which no rate limit governs, waits for. */
    private static final CompletableFuture<Long> NO_PERMIT = CompletableFuture.completedFuture(0L);

    private final CloseableHttpClient http;
    private final RequestConfig requestConfig;
    private final URI baseUri;
    private final KeyRing keys;
    private final Duration readTimeout;
    private final long maxResponseSize;
    private final String userAgent;
    private final RateGovernor governor;
    private final RateLimits limits;
    private final Clock clock;
    private final Executor ioExecutor;
    private final Header[] headers;
    private volatile VelaroMetrics metrics = VelaroMetrics.NOOP;

    /**
     * @param http           the component's pooled client
     * @param connectTimeout how long connecting may take
     * @param baseUri     the API base, e.g. {@code https://api.velaro.com/v1}
     * @param keys        the key for REST calls, renewed on a 401 when it can be; null for a client that only
     *                    triggers workflows
     * @param readTimeout     how long one attempt may take for the whole response, from sending to its last byte
     * @param maxResponseSize the largest response body read, in bytes (error bodies included)
     * @param governor        the component's rate governor (its clock is the client's clock)
     * @param limits          this endpoint's limits and retry settings
     * @param ioExecutor      where requests are sent after they waited (never the governor's scheduler)
     */
    public VelaroClient(CloseableHttpClient http, Duration connectTimeout, URI baseUri, KeyRing keys,
                        Duration readTimeout, long maxResponseSize, RateGovernor governor, RateLimits limits,
                        Executor ioExecutor) {
        this.http = Objects.requireNonNull(http, "http");
        this.requestConfig = requestConfig(connectTimeout, readTimeout);
        this.baseUri = baseUri;
        this.keys = keys;
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.maxResponseSize = maxResponseSize;
        this.userAgent = VelaroVersion.userAgent();
        this.governor = Objects.requireNonNull(governor, "governor");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = governor.clock();
        this.ioExecutor = Objects.requireNonNull(ioExecutor, "ioExecutor");
        this.headers = headers();
    }

    /** Where this client reports its requests and rate-limit waits; nowhere by default. */
    public VelaroClient metrics(VelaroMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    @Override
    public CompletableFuture<VelaroResponse<Conversation>> createConversation(CreateConversation input) {
        return send(VelaroRequest.api("POST", "/conversations", Map.of(), VelaroJson.toJsonBytes(input)), CONVERSATION);
    }

    @Override
    public CompletableFuture<VelaroResponse<Conversation>> getConversation(String id) {
        return send(VelaroRequest.api("GET", "/conversations/" + VelaroRequest.segment(id), Map.of(), null), CONVERSATION);
    }

    @Override
    public CompletableFuture<VelaroResponse<VelaroPage<Conversation>>> listConversations(ListQuery query) {
        return send(VelaroRequest.api("GET", "/conversations", query.toParameters(), null), CONVERSATION_PAGE);
    }

    @Override
    public CompletableFuture<VelaroResponse<Contact>> createContact(ContactInput input) {
        return send(VelaroRequest.api("POST", "/contacts", Map.of(), VelaroJson.toJsonBytes(input)), CONTACT);
    }

    @Override
    public CompletableFuture<VelaroResponse<Contact>> updateContact(String id, ContactInput input) {
        return send(VelaroRequest.api("PATCH", "/contacts/" + VelaroRequest.segment(id), Map.of(),
                VelaroJson.toJsonBytes(input)), CONTACT);
    }

    @Override
    public CompletableFuture<VelaroResponse<Contact>> getContact(String id) {
        return send(VelaroRequest.api("GET", "/contacts/" + VelaroRequest.segment(id), Map.of(), null), CONTACT);
    }

    @Override
    public CompletableFuture<VelaroResponse<VelaroPage<Contact>>> listContacts(ListQuery query) {
        return send(VelaroRequest.api("GET", "/contacts", query.toParameters(), null), CONTACT_PAGE);
    }

    @Override
    public QuotaSnapshot quota() {
        if (keys == null) {
            throw new IllegalStateException("A workflow-only client has no API quota");
        }
        return governor.snapshot(keys.current(), limits);
    }

    /** The quota of {@code key} under this client's limits, e.g. of a key it sent before a rotation. */
    public QuotaSnapshot quota(ApiKey key) {
        return governor.snapshot(key, limits);
    }

    @Override
    public CompletableFuture<VelaroResponse<String>> triggerWorkflow(WorkflowTrigger trigger, byte[] json) {
        return send(VelaroRequest.workflow(trigger, json), TEXT);
    }

    /**
     * Sends a request when the rate limits allow, retries it when that is safe, and maps the answer. The future
     * fails with a {@link VelaroException} subclass (wrapped in a {@link CompletionException} by {@code join()}).
     */
    public <T> CompletableFuture<VelaroResponse<T>> send(VelaroRequest request, JavaType responseType) {
        CompletableFuture<VelaroResponse<T>> result = new CompletableFuture<>();
        URI uri;
        ApiKey key = null;
        try {
            if (request.isApi()) {
                if (keys == null) {
                    throw new VelaroValidationException("An API key is required for " + request.describe());
                }
                key = keys.current();
            }
            uri = request.uri(baseUri);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        attempt(new Call<>(request, uri, key, responseType, result, false), 1, Runnable::run);
        return result;
    }

    /**
     * One request through its attempts.
     *
     * @param key     the key it is sent with (null for a workflow trigger)
     * @param renewed whether it already went out again with a renewed key after a 401 (it does so at most once)
     */
    private record Call<T>(VelaroRequest request, URI uri, ApiKey key, JavaType type,
                           CompletableFuture<VelaroResponse<T>> result, boolean renewed) {

        Call<T> withKey(ApiKey renewedKey) {
            return new Call<>(request, uri, renewedKey, type, result, true);
        }
    }

    /**
     * Sends when the governor allows: at once on {@code sendOn} (the caller's thread for a first attempt, as a plain
     * client would), or, after a wait, from the I/O pool, so that the governor's scheduler is never blocked.
     */
    private <T> void attempt(Call<T> call, int attempt, Executor sendOn) {
        CompletableFuture<Long> permit = call.request().isApi()
                ? governor.acquire(call.key(), limits, call.request())
                : NO_PERMIT;
        if (permit.isDone() && !permit.isCompletedExceptionally()) {
            long granted = permit.join();
            sendOn.execute(() -> exchange(call, attempt, granted));
            return;
        }
        long waitStarted = System.nanoTime();
        permit.whenComplete((granted, refused) -> {
            metrics.governorWait(System.nanoTime() - waitStarted);
            if (refused != null) {
                call.result().completeExceptionally(unwrap(refused));
            } else {
                ioExecutor.execute(() -> exchange(call, attempt, granted));
            }
        });
    }

    /** Sends once and completes the call, or schedules the next attempt when that is safe. */
    private <T> void exchange(Call<T> call, int attempt, long permit) {
        VelaroResponse<T> response;
        long started = System.nanoTime();
        try {
            response = sendOnce(call, permit);
            metrics.request(call.request(), call.key(), response.status(), System.nanoTime() - started, null);
        } catch (VelaroException failure) {
            metrics.request(call.request(), call.key(), failure.getStatusCode(), System.nanoTime() - started, failure);
            if (failure instanceof VelaroAuthenticationException && !call.renewed()
                && keys.renewAfterRejection(call.key())) {
                // ASSUMPTION (api-401-nothing-done): Velaro refuses a request with 401 before acting on it, so
                // sending it again with the renewed key, POST included, cannot do anything twice
                attempt(call.withKey(keys.current()), attempt, ioExecutor);
                return;
            }
            Duration delay;
            try {
                delay = RetryPolicy.retryDelay(call.request(), failure, attempt, limits, clock.instant());
            } catch (VelaroException tooLong) {
                call.result().completeExceptionally(tooLong);
                return;
            }
            if (delay == null) {
                call.result().completeExceptionally(failure);
                return;
            }
            LOG.debug("{} failed ({}); attempt {} in {} ms", call.request(), failure.getMessage(), attempt + 1,
                    delay.toMillis());
            governor.scheduleAfter(() -> attempt(call, attempt + 1, ioExecutor), delay, call.result());
            return;
        } catch (RuntimeException unexpected) {
            call.result().completeExceptionally(unexpected);
            return;
        }
        call.result().complete(response);
    }

    /**
     * One HTTP exchange, on the current thread. The deadline aborts the request when it fires, which closes the
     * connection under a blocked read; a body over the limit aborts it too, so nothing is drained.
     */
    private <T> VelaroResponse<T> sendOnce(Call<T> call, long permit) {
        VelaroRequest request = call.request();
        HttpUriRequestBase httpRequest = toHttpRequest(request, call.uri(), call.key());
        long started = System.nanoTime();
        LOG.debug("Sending {}", request);
        Expiry expiry = new Expiry(httpRequest);
        Runnable disarm = ResponseDeadline.start(readTimeout).arm(expiry);
        ClassicHttpResponse response = null;
        byte[] body;
        try {
            response = execute(httpRequest);
            body = BoundedEntity.read(response.getEntity(), maxResponseSize);
            response.close();
        } catch (IOException e) {
            httpRequest.cancel(); // closes the connection: a half-read response is never drained nor pooled
            int status = response == null ? 0 : response.getCode();
            if (response != null && request.isApi()) {
                // the headers arrived before the body failed: what they say about the limits still counts
                governor.onResponse(call.key(), permit, status, RateLimitHeaders.parse(headerLookup(response),
                        clock.instant()));
            }
            VelaroException failure = noResponse(request, expiry.fired() ? ResponseLimitException.tooSlow(e) : e,
                    status);
            LOG.debug("{} failed after {} ms: {}", request, (System.nanoTime() - started) / 1_000_000,
                    failure.getMessage());
            throw failure;
        } finally {
            disarm.run();
        }
        LOG.debug("{} answered {} in {} ms", request, response.getCode(), (System.nanoTime() - started) / 1_000_000);
        return toResponse(call, response, body, permit);
    }

    @SuppressWarnings("deprecation") // executeOpen is not in the 5.5 API: this is its classic form
    private CloseableHttpResponse execute(HttpUriRequestBase httpRequest) throws IOException {
        return http.execute(httpRequest);
    }

    /** Aborts an exchange when its {@code readTimeout} has passed, and remembers that it did. */
    private static final class Expiry implements Runnable {

        private final HttpUriRequestBase request;
        private volatile boolean fired;

        Expiry(HttpUriRequestBase request) {
            this.request = request;
        }

        @Override
        public void run() {
            fired = true;
            request.cancel();
        }

        boolean fired() {
            return fired;
        }
    }

    /** The HTTP request; {@code key} is null for a workflow trigger, which carries no Authorization header. */
    private HttpUriRequestBase toHttpRequest(VelaroRequest request, URI uri, ApiKey key) {
        HttpUriRequestBase r = new HttpUriRequestBase(request.method(), uri);
        r.setConfig(requestConfig);
        r.setHeaders(headers);
        if (key != null) {
            r.addHeader("Authorization", key.authorizationHeader());
        }
        byte[] body = request.body();
        if (body != null) {
            r.setEntity(new ByteArrayEntity(body, null)); // Content-Type is among the headers
        }
        return r;
    }

    /** The headers every request carries, made once rather than per request (the key is added per request). */
    private Header[] headers() {
        return new Header[] {
                new BasicHeader("Content-Type", "application/json"),
                new BasicHeader("Accept", "application/json"),
                new BasicHeader("User-Agent", userAgent)
        };
    }

    /**
     * Connecting has {@code connectTimeout}; each read has {@code readTimeout} as a backstop, while the
     * {@link ResponseDeadline} holds the whole response to the same budget.
     */
    @SuppressWarnings("deprecation") // per request: the pool is shared by endpoints with different timeouts
    private static RequestConfig requestConfig(Duration connectTimeout, Duration readTimeout) {
        return RequestConfig.custom()
                .setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .setResponseTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .setRedirectsEnabled(false)
                .build();
    }

    private static java.util.function.Function<String, String> headerLookup(ClassicHttpResponse response) {
        return name -> {
            Header h = response.getFirstHeader(name);
            return h == null ? null : h.getValue();
        };
    }

    private <T> VelaroResponse<T> toResponse(Call<T> call, ClassicHttpResponse response, byte[] body, long permit) {
        VelaroRequest request = call.request();
        JavaType type = call.type();
        Instant now = clock.instant();
        RateLimitHeaders headers = RateLimitHeaders.parse(headerLookup(response), now);
        int status = response.getCode();
        if (request.isApi()) {
            governor.onResponse(call.key(), permit, status, headers);
        }
        if (status < 200 || status > 299) {
            throw VelaroErrors.toException(request, status, body, headers);
        }
        Header date = response.getFirstHeader("Date");
        return new VelaroResponse<>(status, readBody(request, status, body, type), headers,
                date == null ? null : date.getValue());
    }

    @SuppressWarnings("unchecked")
    private <T> T readBody(VelaroRequest request, int status, byte[] body, JavaType type) {
        if (type.getRawClass() == String.class) {
            return body == null || body.length == 0 ? null : (T) new String(body, StandardCharsets.UTF_8);
        }
        if (body == null || body.length == 0) {
            throw new VelaroMalformedResponseException(
                    "Velaro answered " + status + " to " + request.describe() + " with an empty body; "
                                                       + describe(type) + " was expected",
                    status, null);
        }
        try {
            return VelaroJson.read(body, type);
        } catch (IOException | RuntimeException e) {
            String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage();
            throw new VelaroMalformedResponseException(
                    "Velaro answered " + status + " to " + request.describe() + " with a body that is not "
                                                       + describe(type) + ": " + request.scrubber().scrub(detail),
                    status, request.scrubber().scrub(e));
        }
    }

    private static String describe(JavaType type) {
        if (type.getRawClass() == VelaroPage.class) {
            return "a page of " + type.containedType(0).getRawClass().getSimpleName() + "s";
        }
        return "a " + type.getRawClass().getSimpleName();
    }

    /**
     * The exception for an exchange that ended without a usable response: a limit of ours, or an I/O failure.
     *
     * @param status the response's status when its headers arrived before the failure, else 0
     */
    private VelaroException noResponse(VelaroRequest request, Throwable failure, int status) {
        if (failure instanceof VelaroException ve) {
            return ve;
        }
        SecretScrubber scrubber = request.scrubber();
        ResponseLimitException limit = ResponseLimitException.in(failure);
        if (limit != null && limit.limit() == ResponseLimitException.Limit.MAX_RESPONSE_SIZE) {
            return new VelaroMalformedResponseException("Velaro answered " + status + " to " + request.describe()
                                                        + " with a body larger than maxResponseSize ("
                                                        + maxResponseSize + " bytes"
                                                        + (limit.declaredLength() >= 0
                                                                ? "; it declared " + limit.declaredLength() : "")
                                                        + "); the response was not read further",
                    status, scrubber.scrub(failure));
        }
        boolean connectTimedOut = failure instanceof ConnectTimeoutException;
        boolean timedOut = limit != null || failure instanceof SocketTimeoutException;
        if (timedOut) {
            // the request went out: a create may have been applied, so only a GET is repeated
            return new VelaroConnectionException(request.describe() + " got no "
                                                 + (status == 0 ? "response" : "complete response (status " + status
                                                                              + ", body still arriving)")
                                                 + " from Velaro within readTimeout (" + readTimeout.toMillis() + " ms)",
                    true, scrubber.scrub(failure));
        }
        boolean neverSent = failure instanceof ConnectException || connectTimedOut
                            || failure instanceof UnknownHostException;
        String what;
        if (connectTimedOut) {
            what = "could not connect within the connect timeout";
        } else if (failure instanceof ConnectException) {
            what = "connection refused";
        } else {
            String m = failure.getMessage();
            what = failure.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        return new VelaroConnectionException(
                request.describe() + " got no response from Velaro (" + scrubber.scrub(what) + ")"
                                             + (neverSent ? "; the request was not sent" : ""),
                !neverSent, scrubber.scrub(failure));
    }

    /** The {@link VelaroException} inside a future's {@link CompletionException}. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** The key this client sends, masked; for logs. */
    public String describeKey() {
        return keys == null ? "no key" : keys.current().masked();
    }

    @Override
    public String toString() {
        return "VelaroClient[" + baseUri + ", key " + describeKey() + "]";
    }
}
