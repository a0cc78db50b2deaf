package io.github.camelvelaro.velaro.metrics;

import java.util.function.Supplier;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;

/**
 * A key whose quota is shown: never the key itself, only its masked form and fingerprint.
 *
 * @param masked      {@code vlk_…abcd}
 * @param fingerprint the first 12 hex digits of the key's SHA-256
 * @param quota       reads the quota as the component last saw it, without calling Velaro
 */
public record WatchedKey(String masked, String fingerprint, Supplier<QuotaSnapshot> quota) {

    /** The quota now, or null when it cannot be read (the component stopped). */
    public QuotaSnapshot snapshot() {
        try {
            return quota.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
