package io.github.camelvelaro.velaro.client;

import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key that endpoints send, which can be replaced while routes run. Every endpoint that uses one key (and one
 * source) shares one ring, so a key renewed by one request is the key of all of them. The key is re-read from its
 * source, a Camel property (vault-backed ones included), when Velaro answers 401 to it or when an operator asks.
 */
public final class KeyRing {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);

    private final Supplier<String> source;
    private final String sourceName;
    private volatile ApiKey current;
    /** The refused key the last "still holds no other key" warning was about. */
    private ApiKey warnedAbout;

    /**
     * @param initial    the key in use at start
     * @param source     reads the key's value again; null when the key has no source to re-read
     * @param sourceName what {@code source} reads, for messages, e.g. {@code property velaro.api-key}
     */
    public KeyRing(ApiKey initial, Supplier<String> source, String sourceName) {
        this.current = Objects.requireNonNull(initial, "initial");
        this.source = source;
        this.sourceName = sourceName;
    }

    /** A ring whose key can only be replaced by {@link #replace(String)}. */
    public static KeyRing fixed(ApiKey key) {
        return new KeyRing(key, null, null);
    }

    /** The key to send now. */
    public ApiKey current() {
        return current;
    }

    /**
     * Called when Velaro refused {@code rejected} with 401: whether a request may be sent again, with
     * {@link #current()}. True when another request has already renewed the key, or when the source now holds
     * another valid key; false when there is no source, or it still holds the rejected key (then the 401 stands).
     */
    public synchronized boolean renewAfterRejection(ApiKey rejected) {
        if (!current.equals(rejected)) {
            return true;
        }
        boolean renewed = reread("Velaro answered 401 to " + rejected.masked());
        // once per refused key: a poller backing off would otherwise repeat it at every attempt
        if (!renewed && source != null && !rejected.equals(warnedAbout)) {
            warnedAbout = rejected;
            LOG.warn("Velaro answered 401 to key {} and {} still holds no other valid key: rotate the key in Velaro "
                     + "and update the property", rejected.masked(), sourceName);
        }
        return renewed;
    }

    /** Re-reads the source (an operator's request, e.g. over JMX); whether the key changed. */
    public synchronized boolean reload() {
        return reread("Reloaded on request");
    }

    /** Replaces the key with {@code value}, validated first; the old one is no longer sent. */
    public synchronized void replace(String value) {
        ApiKey next = ApiKey.of(value, "apiKey");
        if (!next.equals(current)) {
            LOG.info("Velaro key {} replaced by {}", current.masked(), next.masked());
            current = next;
        }
    }

    private boolean reread(String why) {
        if (source == null) {
            return false;
        }
        ApiKey next;
        try {
            next = ApiKey.of(source.get(), sourceName);
        } catch (RuntimeException e) {
            // the message names the source and masks the value; never the value itself
            LOG.warn("{}; reading the key again from {} failed: {}", why, sourceName, Secrets.redact(e.getMessage()));
            return false;
        }
        if (next.equals(current)) {
            return false;
        }
        LOG.info("{}; {} now holds key {}, which replaces {} without restarting routes", why, sourceName,
                next.masked(), current.masked());
        current = next;
        return true;
    }

    @Override
    public String toString() {
        return "KeyRing[" + current.masked() + (source == null ? "" : ", from " + sourceName) + "]";
    }
}
