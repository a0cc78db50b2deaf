package io.github.camelvelaro.velaro.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A validated Velaro API key. {@link #toString()} shows only {@code vlk_…} and the last four characters; the key
 * itself leaves this class only as the value of the {@code Authorization} header.
 */
public final class ApiKey {

    /** Every key starts with this (the guide). */
    public static final String PREFIX = "vlk_";
    /** Every key is this long in total (the guide). */
    public static final int LENGTH = 52;

    private final String value;
    private final byte[] bytes;
    private final String fingerprint;

    private ApiKey(String value) {
        this.value = value;
        this.bytes = value.getBytes(StandardCharsets.UTF_8);
        this.fingerprint = sha256(value).substring(0, 12);
    }

    /**
     * Validates the format the guide gives ({@code vlk_}, 52 characters). ASSUMPTION: the alphabet after the prefix
     * is not documented, so only whitespace and control characters (which would corrupt the header) are refused.
     *
     * @param  option                   the option name to put in the error message
     * @throws IllegalArgumentException naming the option and the problem, never echoing more than the masked key
     */
    public static ApiKey of(String value, String option) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Option " + option + " is required: set it to your Velaro API key (vlk_…, "
                                               + LENGTH + " characters)");
        }
        String problem = null;
        if (!value.startsWith(PREFIX)) {
            problem = "it does not start with " + PREFIX;
        } else if (value.length() != LENGTH) {
            problem = "it has " + value.length() + " characters instead of " + LENGTH;
        } else if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problem = "it contains whitespace or control characters";
        }
        if (problem != null) {
            throw new IllegalArgumentException("Option " + option + " is not a valid Velaro API key ("
                                               + Secrets.maskApiKey(value) + "): " + problem
                                               + ". Keys start with " + PREFIX + " and are " + LENGTH
                                               + " characters long");
        }
        return new ApiKey(value);
    }

    /** The value of the {@code Authorization} header. */
    String authorizationHeader() {
        return "Bearer " + value;
    }

    /** A stable, non-reversible identifier for logs, metrics and maps: the first 12 hex digits of SHA-256. */
    public String fingerprint() {
        return fingerprint;
    }

    /** {@code vlk_…abcd}. */
    public String masked() {
        return Secrets.maskApiKey(value);
    }

    @Override
    public boolean equals(Object o) {
        // constant-time, and without allocating: this runs on every request (the governor's map lookup)
        return o instanceof ApiKey other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
