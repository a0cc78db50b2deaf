package io.github.camelvelaro.velaro.consumer;

import java.util.function.Supplier;

import io.github.camelvelaro.velaro.exception.VelaroAuthenticationException;
import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroForbiddenException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.LoggingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's exception handler. A rejected key (401) or missing scope (403) fails every poll until someone fixes
 * it, so it is reported once when it starts (and once when it changes, or ends) rather than at every poll; everything
 * else goes to the consumer's configured handler unchanged.
 * <p>
 * When that handler is not the default logging one (e.g. {@code bridgeErrorHandler=true}), it still receives the
 * first failure of each new state, so routes that react to errors hear about it.
 */
final class AuthFailureReporter implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AuthFailureReporter.class);

    private final ExceptionHandler delegate;
    private final String poller;
    private final Supplier<String> maskedKey;
    private volatile VelaroException failure;

    /**
     * @param poller    e.g. {@code velaro:conversations}
     * @param maskedKey the key in use as {@code vlk_…abcd} (it changes when the key is renewed)
     */
    AuthFailureReporter(ExceptionHandler delegate, String poller, Supplier<String> maskedKey) {
        this.delegate = delegate;
        this.poller = poller;
        this.maskedKey = maskedKey;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (!(exception instanceof VelaroAuthenticationException || exception instanceof VelaroForbiddenException)) {
            delegate.handleException(message, exchange, exception);
            return;
        }
        VelaroException authFailure = (VelaroException) exception;
        VelaroException previous = failure;
        failure = authFailure;
        if (previous != null && previous.getStatusCode() == authFailure.getStatusCode()) {
            LOG.debug("{} still refused with key {} ({})", poller, maskedKey.get(), authFailure.getStatusCode());
            return;
        }
        LOG.warn("{} cannot poll: Velaro refused the API key {} ({}). Polls back off until the key is accepted "
                 + "again and the consumer health check reports DOWN; this is logged again only when it changes.",
                poller, maskedKey.get(), authFailure.getMessage());
        if (!(delegate instanceof LoggingExceptionHandler)) {
            delegate.handleException(message, exchange, exception);
        }
    }

    /** Called after a poll in which Velaro answered: ends a reported refusal. */
    void accepted() {
        VelaroException previous = failure;
        if (previous != null) {
            failure = null;
            LOG.info("{} polls again: Velaro accepts the API key {}", poller, maskedKey.get());
        }
    }

    /** The refusal in force, or null. */
    VelaroException currentFailure() {
        return failure;
    }
}
