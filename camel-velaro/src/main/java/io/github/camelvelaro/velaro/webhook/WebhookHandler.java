package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.camelvelaro.velaro.metrics.WebhookDuplicate;
import io.github.camelvelaro.velaro.reconcile.DeliveredVersions;
import io.github.camelvelaro.velaro.reconcile.ItemVersion;
import io.github.camelvelaro.velaro.webhook.DeliveryGate.Admission;
import io.github.camelvelaro.velaro.webhook.WebhookVerifier.Verification;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one webhook delivery from the HTTP engine and answers it. In this order: body size (413; 408 when it
 * stalls), signature (401), JSON (400), wanted type (2xx, dropped), its version (2xx, not passed on, when the
 * endpoint's reconcile group received it or a newer one), its key (2xx, not passed on, when a delivery of it
 * completed; 409 while one is in progress), the route; then 2xx only when the route succeeded, else 500 with the key
 * released so the redelivery is processed.
 * <p>
 * Every answer has an empty body and no headers of the request or the route (a 409 has Retry-After): the HTTP engine
 * writes whatever the exchange ends with, and neither a model object nor a stack trace belongs in a webhook answer.
 */
final class WebhookHandler<T> extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    static final int ACCEPTED = 204;
    static final int BAD_REQUEST = 400;
    static final int UNAUTHORIZED = 401;
    static final int REQUEST_TIMEOUT = 408;
    static final int CONFLICT = 409;
    static final int PAYLOAD_TOO_LARGE = 413;
    static final int SERVER_ERROR = 500;
    static final String RETRY_AFTER = "Retry-After";
    /**
     * Seconds a 409 asks Velaro to wait: by then the delivery in progress has answered (2xx, or not and its key is
     * released). ASSUMPTION (webhooks.md): Velaro waits 10 s for an answer and redelivers anything but a 2xx, a 409
     * included, with its own backoff for 24 h; Retry-After is a hint it may ignore.
     */
    static final String IN_PROGRESS_RETRY_SECONDS = "10";

    private final String uri;
    private final WebhookBodyReader bodyReader;
    private final WebhookVerifier verifier;
    private final WebhookPayload<T> payload;
    private final DeliveryGate gate;
    private final DeliveredVersions versions;
    private final AsyncProcessor route;
    private final WebhookMetrics metrics;
    private final CamelContext context;
    private final String path;
    private Object readAhead;

    /**
     * @param context the CamelContext whose platform-http server receives the deliveries
     * @param path    the path platform-http serves them on, to read their bodies on its event loop; null for none
     */
    WebhookHandler(String uri, WebhookSettings settings, WebhookPayload<T> payload, DeliveryGate gate,
                   DeliveredVersions versions, AsyncProcessor route, WebhookMetrics metrics, CamelContext context,
                   String path) {
        this.context = context;
        this.path = path;
        this.uri = uri;
        this.bodyReader = new WebhookBodyReader(settings.maxBodySize());
        this.verifier = settings.verifier();
        this.payload = payload;
        this.gate = gate;
        this.versions = versions;
        this.route = route;
        this.metrics = metrics;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (path != null) {
            // before the HTTP consumer that started this handler adds its own route
            readAhead = bodyReader.readAhead(context, path, uri);
        }
    }

    @Override
    protected void doStop() throws Exception {
        WebhookBodyReader.stopReadingAhead(readAhead);
        readAhead = null;
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getIn();
        byte[] body;
        try {
            body = bodyReader.read(in);
        } catch (WebhookBodyReader.TooLargeException e) {
            LOG.warn("Refused a delivery to {} with 413: {}", uri, e.getMessage());
            return answer(exchange, PAYLOAD_TOO_LARGE, callback);
        } catch (SocketTimeoutException e) {
            LOG.warn("Refused a delivery to {} with 408: {}", uri, e.getMessage());
            return answer(exchange, REQUEST_TIMEOUT, callback);
        } catch (IOException e) {
            LOG.warn("Refused a delivery to {} with 400: {}", uri, e.getMessage());
            return answer(exchange, BAD_REQUEST, callback);
        }

        Verification verification = verifier.verify(name -> in.getHeader(name, String.class), body);
        if (!verification.accepted()) {
            LOG.warn("Refused a delivery to {} with 401: {}", uri, verification.reason());
            metrics.verificationFailed(verification.reason());
            return answer(exchange, UNAUTHORIZED, callback);
        }

        T model;
        try {
            model = payload.parse(body);
        } catch (IOException | RuntimeException e) {
            // parsing depends on the body alone: whatever it throws, a redelivery of the same body fails the same way,
            // so the answer is 400 (Velaro stops), never 500 (Velaro would redeliver it for a day)
            LOG.warn("Refused a verified delivery to {} with 400: the body is not the expected JSON: {}", uri,
                    parseFailure(e));
            return answer(exchange, BAD_REQUEST, callback);
        }

        if (!payload.wanted(model)) {
            LOG.debug("Acknowledged and dropped {} on {}: not in eventTypes", payload.describe(model), uri);
            return answer(exchange, ACCEPTED, callback);
        }

        // reconcileGroup: a version its routes received already (here, or from a poller) is not passed on again
        ItemVersion version = ItemVersion.of(model);
        if (versions.isDelivered(version)) {
            LOG.debug("Acknowledged {} on {} without passing it on: reconcileGroup {} received {} or a newer version",
                    payload.describe(model), uri, versions.group(), version);
            metrics.duplicate(WebhookDuplicate.RECONCILED);
            return answer(exchange, ACCEPTED, callback);
        }

        String key = payload.deduplicationKey(model, in.getHeader(StandardWebhooksVerifier.ID_HEADER, String.class));
        if (key != null) {
            Admission admission;
            try {
                admission = gate.admit(key);
            } catch (RuntimeException e) {
                LOG.warn("Answered 500 to {} on {}: idempotentRepository or inProgressRepository failed: {}",
                        payload.describe(model), uri, e.getMessage());
                return answer(exchange, SERVER_ERROR, callback);
            }
            if (admission == Admission.DUPLICATE) {
                LOG.debug("Acknowledged {} on {} without passing it on: a delivery of it completed",
                        payload.describe(model), uri);
                metrics.duplicate(WebhookDuplicate.COMPLETED);
                return answer(exchange, ACCEPTED, callback);
            }
            if (admission == Admission.IN_PROGRESS) {
                LOG.debug("Answered 409 to {} on {}: a delivery of it is being processed (here or on another node)",
                        payload.describe(model), uri);
                metrics.duplicate(WebhookDuplicate.IN_PROGRESS);
                reply(exchange, CONFLICT);
                exchange.getMessage().setHeader(RETRY_AFTER, IN_PROGRESS_RETRY_SECONDS);
                callback.done(true);
                return true;
            }
        }

        payload.fill(in, model);
        return route.process(exchange, doneSync -> {
            afterRoute(exchange, model, key, version);
            callback.done(doneSync);
        });
    }

    private void afterRoute(Exchange exchange, T model, String key, ItemVersion version) {
        Exception failure = exchange.getException();
        boolean succeeded = failure == null && !exchange.isRollbackOnly();
        if (succeeded) {
            // only a completed route counts as received; never throws
            versions.record(version);
        }
        try {
            if (key != null) {
                if (succeeded) {
                    gate.accepted(key);
                } else {
                    gate.failed(key);
                }
            }
        } catch (RuntimeException e) {
            // the route's outcome decides the answer; a repository hiccup here is only worth a warning
            // (at worst a redelivery is processed again, or gets 409 until its claim expires)
            LOG.warn("{} could not record that the route {} for {}: {}", uri, succeeded ? "completed" : "failed",
                    payload.describe(model), e.getMessage());
        }
        if (succeeded) {
            reply(exchange, ACCEPTED);
            return;
        }
        LOG.warn("Answered 500 to {} on {} so Velaro redelivers it: the route failed{}", payload.describe(model), uri,
                failure == null ? " (rollback)" : ": " + failure);
        // kept for onCompletion and event notifiers; cleared so the engine does not answer with its stack trace
        if (failure != null) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        }
        exchange.setException(null);
        reply(exchange, SERVER_ERROR);
    }

    /** The parser's reason, naming the field (e.g. {@code data.createdAt}) when Jackson knows it; never the body. */
    static String parseFailure(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            return mapping.getOriginalMessage() + " (field " + field + ")";
        }
        if (e instanceof JsonProcessingException json) {
            return json.getOriginalMessage();
        }
        return e instanceof IOException ? e.getMessage() : e.toString();
    }

    private static boolean answer(Exchange exchange, int status, AsyncCallback callback) {
        reply(exchange, status);
        callback.done(true);
        return true;
    }

    private static void reply(Exchange exchange, int status) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setBody(null);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }

    @Override
    public String toString() {
        return "WebhookHandler[" + uri + "]";
    }
}
