package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a webhook's body on the vert.x event loop, before platform-http hands the request to a worker thread, as
 * platform-http's own body handler does for other routes; with the same limits as {@link VertxRequestBody}:
 * {@code maxBodySize} (413) and the read timeout (408), a refused request's connection closed after the answer.
 * <p>
 * Without it the worker thread waits while the event loop reads the body: two more thread hand-overs per delivery.
 * It is a vert.x route for the webhook's path, ordered before platform-http's; where none can be added (no vert.x
 * router found, or platform-http serves the path under another name) the worker reads the body as before.
 * <p>
 * Only loaded when vert.x and camel-platform-http-vertx are on the classpath (see {@link WebhookBodyReader}).
 */
final class VertxBodyReadAhead {

    private static final Logger LOG = LoggerFactory.getLogger(VertxBodyReadAhead.class);

    /** Before platform-http's routes, which vert.x-web numbers from 0 in the order they are added. */
    static final int ORDER = -100;

    /** Bodies read ahead, until the handler takes them or the response ends. */
    private static final Map<HttpServerRequest, byte[]> BODIES = new ConcurrentHashMap<>();
    /** Bodies handed over read, for tests. */
    private static final LongAdder TAKEN = new LongAdder();

    private final Route route;

    private VertxBodyReadAhead(Route route) {
        this.route = route;
    }

    /**
     * Adds the route; null when there is no platform-http vert.x router in the context.
     *
     * @param path the webhook's path, as camel-webhook gives it to platform-http
     * @param uri  e.g. {@code webhook:velaro:events}, for log lines
     */
    static VertxBodyReadAhead install(CamelContext context, String path, long maxBodySize, Duration timeout,
                                      String uri) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context);
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
        }
        if (router == null) {
            LOG.debug("{}: no vert.x platform-http router found; bodies are read on the worker thread", uri);
            return null;
        }
        Route route = router.route(HttpMethod.POST, path).order(ORDER);
        route.handler(ctx -> read(ctx, maxBodySize, timeout, uri));
        LOG.debug("{}: bodies of POST {} are read on the event loop", uri, path);
        return new VertxBodyReadAhead(route);
    }

    /** The body read ahead for this request, once; null when it was not. */
    static byte[] take(HttpServerRequest request) {
        byte[] body = BODIES.remove(request);
        if (body != null) {
            TAKEN.increment();
            // the request's end is still queued behind the pause: let vert.x take it in
            request.resume();
        }
        return body;
    }

    /** How many bodies the handlers took read ahead, in this JVM. */
    static long taken() {
        return TAKEN.sum();
    }

    void remove() {
        route.remove();
    }

    private static void read(RoutingContext ctx, long maxBodySize, Duration timeout, String uri) {
        HttpServerRequest request = ctx.request();
        Long announced = WebhookBodyReader.parseLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (announced == null || announced == 0 || request.version() == HttpVersion.HTTP_2) {
            // without a length, the body is known complete only at the request's end, after which platform-http
            // cannot take the request over; an HTTP/2 stream may deliver its end with its data (seen with h2c):
            // the worker reads those, as without this route
            ctx.next();
            return;
        }
        CompletableFuture<Buffer> done;
        try {
            done = VertxRequestBody.start(request, maxBodySize, true);
        } catch (WebhookBodyReader.TooLargeException e) {
            refuse(ctx, WebhookHandler.PAYLOAD_TOO_LARGE, e.getMessage(), uri);
            return;
        } catch (IOException e) {
            // read by someone else: the handler finds out
            ctx.next();
            return;
        }
        long timer = ctx.vertx().setTimer(Math.max(1, timeout.toMillis()), id -> done.completeExceptionally(
                new SocketTimeoutException("the body did not arrive within " + timeout.toSeconds() + " s")));
        // completed on the event loop: by the request's handlers, or by the timer
        done.whenComplete((body, failure) -> {
            ctx.vertx().cancelTimer(timer);
            if (failure == null) {
                // paused before its end (see VertxRequestBody.start), so platform-http can take the request over
                BODIES.put(request, body.getBytes());
                ctx.addEndHandler(ended -> BODIES.remove(request));
                ctx.next();
            } else if (failure instanceof WebhookBodyReader.TooLargeException) {
                refuse(ctx, WebhookHandler.PAYLOAD_TOO_LARGE, failure.getMessage(), uri);
            } else if (failure instanceof SocketTimeoutException) {
                request.pause();
                refuse(ctx, WebhookHandler.REQUEST_TIMEOUT, failure.getMessage(), uri);
            } else {
                refuse(ctx, WebhookHandler.BAD_REQUEST, "the connection failed before the body ended: " + failure, uri);
            }
        });
    }

    /** The answer the webhook handler would give, with the connection closed after it. */
    private static void refuse(RoutingContext ctx, int status, String reason, String uri) {
        LOG.warn("Refused a delivery to {} with {}: {}", uri, status, reason);
        VertxRequestBody.refuse(ctx.request());
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
