package io.github.camelvelaro.velaro.consumer;

import java.util.Objects;

import io.github.camelvelaro.velaro.client.ApiKey;

/**
 * The API key that wrote a cursor, as it is stored next to it: a one-way fingerprint to compare keys by, and the
 * masked form for messages. Never the key itself.
 *
 * @param fingerprint the key's {@link ApiKey#fingerprint() fingerprint}
 * @param maskedKey   the key as {@code vlk_…abcd}
 */
record CursorOwner(String fingerprint, String maskedKey) {

    CursorOwner {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(maskedKey, "maskedKey");
    }

    static CursorOwner of(ApiKey key) {
        return new CursorOwner(key.fingerprint(), key.masked());
    }

    /** Whether both were written with the same key. */
    boolean sameKey(CursorOwner other) {
        return fingerprint.equals(other.fingerprint);
    }

    @Override
    public String toString() {
        return maskedKey;
    }
}
