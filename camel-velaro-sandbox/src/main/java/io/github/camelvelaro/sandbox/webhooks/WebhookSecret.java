package io.github.camelvelaro.sandbox.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret, {@code whsec_<base64>}: the HMAC key is the base64-decoded part after the
 * prefix. {@link #toString()} never shows it.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 24;

    private final String value;
    private final byte[] key;

    private WebhookSecret(String value, byte[] key) {
        this.value = value;
        this.key = key;
    }

    /** A new random secret. */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key), key);
    }

    /**
     * Reads a {@code whsec_…} secret.
     *
     * @throws IllegalArgumentException when it lacks the prefix or is not base64 (without quoting it)
     */
    public static WebhookSecret parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret is not " + PREFIX + " followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty after " + PREFIX);
        }
        return new WebhookSecret(value, key);
    }

    /** {@code whsec_…}, as a receiver is configured with it. */
    public String value() {
        return value;
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return PREFIX + "******";
    }
}
