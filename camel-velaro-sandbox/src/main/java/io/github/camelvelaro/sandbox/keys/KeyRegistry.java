package io.github.camelvelaro.sandbox.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.VelaroScope;

/**
 * The site's API keys, as Settings → API Keys manages them: created with scopes and shown once, rotated (the old key
 * stops working at once), revoked (for good), and optionally expiring. Keys are held as the component's
 * {@link ApiKey} (constant-time comparison, masked {@code toString()}, the same fingerprint as the component logs).
 * Thread-safe.
 */
public final class KeyRegistry {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String BEARER = "bearer ";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<ApiKey, KeyRecord> records = new ConcurrentHashMap<>();

    public KeyRegistry(Clock clock) {
        this.clock = clock;
    }

    /** What the registry knows about one key. */
    private record KeyRecord(Set<VelaroScope> scopes, Instant expiresAt, boolean revoked) {
        KeyRecord revoke() {
            return new KeyRecord(scopes, expiresAt, true);
        }
    }

    /** A new key holding these scopes, which never expires. The only time the key is seen. */
    public String create(Set<VelaroScope> scopes) {
        return create(scopes, null);
    }

    /** A new key holding these scopes that stops working at {@code expiresAt} (sandbox clock); null for never. */
    public String create(Set<VelaroScope> scopes, Instant expiresAt) {
        Objects.requireNonNull(scopes, "scopes");
        Set<VelaroScope> held = scopes.isEmpty() ? EnumSet.noneOf(VelaroScope.class) : EnumSet.copyOf(scopes);
        while (true) {
            String key = generate();
            if (records.putIfAbsent(ApiKey.of(key, "generated key"), new KeyRecord(Set.copyOf(held), expiresAt, false))
                == null) {
                return key;
            }
        }
    }

    /**
     * Replaces a live key by a new one with the same scopes and expiry; the old key is revoked at once, as the
     * guide's Rotate button does.
     *
     * @throws NoSuchElementException when the key is unknown or already revoked
     */
    public synchronized String rotate(String key) {
        ApiKey apiKey = issued(key);
        KeyRecord old = records.get(apiKey);
        if (old.revoked()) {
            throw new NoSuchElementException("the key " + apiKey.fingerprint() + " is already revoked");
        }
        String replacement = create(old.scopes(), old.expiresAt());
        records.computeIfPresent(apiKey, (k, r) -> r.revoke());
        return replacement;
    }

    /**
     * Revokes a key for good.
     *
     * @throws NoSuchElementException when the key is unknown
     */
    public synchronized void revoke(String key) {
        records.computeIfPresent(issued(key), (k, r) -> r.revoke());
    }

    /** The scopes a key holds (revoked or not). */
    public Set<VelaroScope> scopesOf(String key) {
        return records.get(issued(key)).scopes();
    }

    /** A key this registry issued, or NoSuchElementException naming only its fingerprint. */
    private ApiKey issued(String key) {
        ApiKey apiKey;
        try {
            apiKey = ApiKey.of(key, "key");
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("not a key this sandbox issued (not even a well-formed one)");
        }
        if (!records.containsKey(apiKey)) {
            throw new NoSuchElementException("no key with fingerprint " + apiKey.fingerprint());
        }
        return apiKey;
    }

    /** Checks an {@code Authorization} header value (null when absent). */
    public Authentication authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Authentication.Rejected("missing_api_key",
                    "No API key: send it in the Authorization header, after 'Bearer'", null);
        }
        String value = authorization.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return new Authentication.Rejected("invalid_authorization",
                    "The Authorization header must be 'Bearer' followed by the API key", null);
        }
        ApiKey key;
        try {
            key = ApiKey.of(value.substring(BEARER.length()).trim(), "Authorization");
        } catch (IllegalArgumentException malformed) {
            return new Authentication.Rejected("invalid_api_key", "The API key is not valid", null);
        }
        String fingerprint = key.fingerprint();
        KeyRecord record = records.get(key);
        if (record == null) {
            return new Authentication.Rejected("invalid_api_key", "The API key is not valid", fingerprint);
        }
        if (record.revoked()) {
            return new Authentication.Rejected("revoked_api_key", "The API key has been revoked", fingerprint);
        }
        if (record.expiresAt() != null && !clock.instant().isBefore(record.expiresAt())) {
            return new Authentication.Rejected("expired_api_key", "The API key has expired", fingerprint);
        }
        return new Authentication.Accepted(fingerprint, record.scopes());
    }

    /**
     * The fingerprint the journal shows for a key: the component's {@link ApiKey#fingerprint()}.
     *
     * @throws IllegalArgumentException when it is not a well-formed key
     */
    public static String fingerprint(String key) {
        return ApiKey.of(key, "key").fingerprint();
    }

    /** {@code vlk_} and 48 letters and digits: 52 characters, as the guide describes keys. */
    private String generate() {
        StringBuilder sb = new StringBuilder(ApiKey.LENGTH).append(ApiKey.PREFIX);
        while (sb.length() < ApiKey.LENGTH) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
