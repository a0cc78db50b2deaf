package io.github.camelvelaro.velaro.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDK client's glue for the response limits: reads a body into a {@link BoundedBody} under a
 * {@link ResponseDeadline}. When either limit is crossed the body fails with a {@link ResponseLimitException} and
 * its subscription is cancelled, so the client closes the connection instead of reading on or pooling it half-read;
 * {@code HttpClient.send} then throws. One handler per attempt; it keeps the response's status and headers, when they
 * arrived, for the failure's message and the rate governor.
 */
final class LimitedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private final long maxBytes;
    private final ResponseDeadline deadline;
    private volatile HttpResponse.ResponseInfo info;

    LimitedBodyHandler(long maxBytes, ResponseDeadline deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo responseInfo) {
        this.info = responseInfo;
        long declared;
        try {
            declared = responseInfo.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            declared = -1; // the client itself rejects a malformed length
        }
        return new LimitedSubscriber(new BoundedBody(maxBytes), declared);
    }

    /** The status and headers of the response, or null when they never arrived. */
    HttpResponse.ResponseInfo info() {
        return info;
    }

    private final class LimitedSubscriber implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final BoundedBody body;
        private final long declaredLength;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Flow.Subscription subscription;
        private volatile Runnable armed;

        LimitedSubscriber(BoundedBody body, long declaredLength) {
            this.body = body;
            this.declaredLength = declaredLength;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                body.expectLength(declaredLength);
            } catch (ResponseLimitException e) {
                fail(e);
                return;
            }
            s.request(Long.MAX_VALUE);
            // armed after request(), so the deadline's cancel() never runs alongside it
            Runnable disarm = deadline.arm(() -> fail(ResponseLimitException.tooSlow()));
            armed = disarm;
            if (result.isDone()) {
                disarm.run();
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return; // already failed: drop what still arrives
            }
            try {
                for (ByteBuffer item : items) {
                    body.append(item);
                }
            } catch (ResponseLimitException e) {
                fail(e);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
            disarm();
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
            disarm();
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        private void fail(ResponseLimitException e) {
            if (result.completeExceptionally(e)) {
                disarm();
                if (cancelled.compareAndSet(false, true)) {
                    subscription.cancel();
                }
            }
        }

        private void disarm() {
            Runnable disarm = armed;
            if (disarm != null) {
                disarm.run();
            }
        }
    }
}
