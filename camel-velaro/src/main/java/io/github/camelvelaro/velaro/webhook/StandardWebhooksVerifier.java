package io.github.camelvelaro.velaro.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies deliveries signed with the Standard Webhooks scheme (standardwebhooks.com).
 * <p>
 * ASSUMPTION (webhooks.md): Velaro does not document how it signs webhooks; this class is the one place that assumes
 * Standard Webhooks: headers {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature} (space-separated {@code v1,<base64>} entries), a {@code whsec_<base64>} secret whose
 * decoded bytes are the key, and {@code base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))}.
 * <p>
 * The reference library fixes its timestamp tolerance at five minutes, which is why the component verifies with its
 * own code: the tolerance here is the {@code webhookTolerance} option, checked in both directions against the
 * component's clock.
 */
public final class StandardWebhooksVerifier implements WebhookVerifier {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION_PREFIX = "v1,";
    /** Timestamps beyond this (year 5138) cannot be seconds; refusing them early keeps the arithmetic exact. */
    private static final long MAX_TIMESTAMP = 100_000_000_000L;

    private final SecretKeySpec key;
    private final long toleranceMillis;
    private final Clock clock;
    // a Mac is not thread-safe and deliveries arrive on several threads; creating one per delivery costs more than
    // the HMAC itself (provider lookup and key setup), so each thread keeps its own, initialised once
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param secret    the {@code whsec_…} secret, validated by {@link #decodeSecret(String)}
     * @param tolerance the largest accepted difference between {@code webhook-timestamp} and the clock
     */
    public StandardWebhooksVerifier(String secret, Duration tolerance, Clock clock) {
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("Option webhookTolerance must be a positive duration, was " + tolerance);
        }
        this.key = new SecretKeySpec(decodeSecret(secret), ALGORITHM);
        this.toleranceMillis = tolerance.toMillis();
        this.clock = clock;
    }

    /**
     * The HMAC key of a {@code whsec_<base64>} secret.
     *
     * @throws IllegalArgumentException naming the option and the problem, never showing the value
     */
    public static byte[] decodeSecret(String secret) {
        String value = secret == null ? "" : secret.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Option webhookSecret is empty");
        }
        if (!value.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("Option webhookSecret is not a Standard Webhooks signing secret: it must "
                                               + "start with " + SECRET_PREFIX + " (copy it from Velaro Settings → Webhooks)");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // the decoder's message quotes the offending character: do not chain it
            throw new IllegalArgumentException("Option webhookSecret is not a Standard Webhooks signing secret: the "
                                               + "part after " + SECRET_PREFIX + " is not valid base64");
        }
        if (decoded.length == 0) {
            throw new IllegalArgumentException("Option webhookSecret has no key after " + SECRET_PREFIX);
        }
        return decoded;
    }

    @Override
    public Verification verify(Function<String, String> headers, byte[] body) {
        String id = headers.apply(ID_HEADER);
        String timestamp = headers.apply(TIMESTAMP_HEADER);
        String signatures = headers.apply(SIGNATURE_HEADER);
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            return Verification.rejected("missing " + ID_HEADER + ", " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER
                                         + " header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verification.rejected(TIMESTAMP_HEADER + " is not a Unix time in seconds");
        }
        if (seconds < 0 || seconds > MAX_TIMESTAMP) {
            return Verification.rejected(TIMESTAMP_HEADER + " is not a plausible Unix time in seconds");
        }
        long skew = clock.millis() - seconds * 1000;
        if (Math.abs(skew) > toleranceMillis) {
            return Verification.rejected(TIMESTAMP_HEADER + " is " + Math.abs(skew) / 1000 + " s "
                                         + (skew > 0 ? "behind" : "ahead of") + " this host's clock (webhookTolerance "
                                         + toleranceMillis / 1000 + " s)");
        }
        // sign the header values exactly as sent: they are what the sender signed
        byte[] expected = sign(id, timestamp, body);
        for (String entry : signatures.split(" ")) {
            // other versions (v1a, a future v2) are not ours to judge: skip them
            if (!entry.startsWith(VERSION_PREFIX)) {
                continue;
            }
            byte[] candidate;
            try {
                candidate = Base64.getDecoder().decode(entry.substring(VERSION_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            // constant time: a timing difference must not reveal how much of a forged signature was right
            if (MessageDigest.isEqual(expected, candidate)) {
                return Verification.ACCEPTED;
            }
        }
        return Verification.rejected("no " + VERSION_PREFIX.substring(0, 2) + " signature in " + SIGNATURE_HEADER
                                     + " matches (wrong webhookSecret, or a modified body)");
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        Mac mac = macs.get();
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body); // doFinal also resets it for the thread's next delivery
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "StandardWebhooksVerifier[tolerance=" + Duration.ofMillis(toleranceMillis) + "]";
    }
}
