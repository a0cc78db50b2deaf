package io.github.camelvelaro.velaro.producer;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.client.VelaroClient;
import io.github.camelvelaro.velaro.client.VelaroResponse;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Runs one Velaro call per exchange: synchronously when the call completed on the calling thread (sent at once, the
 * caller waiting for the answer), asynchronously when it had to wait for a rate limit or a retry delay, so that the
 * wait holds no Camel thread.
 */
abstract class AbstractVelaroProducer extends DefaultAsyncProducer {

    private VelaroApi api;

    AbstractVelaroProducer(VelaroEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public VelaroEndpoint getEndpoint() {
        return (VelaroEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        api = getEndpoint().createApi();
    }

    /** Validates the message and starts the call; throws (nothing sent) when the message is invalid. */
    protected abstract CompletableFuture<? extends VelaroResponse<?>> call(VelaroApi api, Message in);

    /** Writes a successful response into the message. */
    protected abstract void onResponse(Message out, VelaroResponse<?> response);

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<? extends VelaroResponse<?>> call;
        try {
            call = call(api, exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (call.isDone()) {
            complete(exchange, call);
            callback.done(true);
            return true;
        }
        call.whenComplete((response, failure) -> {
            complete(exchange, call);
            callback.done(false);
        });
        return false;
    }

    private void complete(Exchange exchange, CompletableFuture<? extends VelaroResponse<?>> call) {
        try {
            onResponse(exchange.getMessage(), call.join());
        } catch (CompletionException | CancellationException e) {
            exchange.setException(VelaroClient.unwrap(e));
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
    }
}
