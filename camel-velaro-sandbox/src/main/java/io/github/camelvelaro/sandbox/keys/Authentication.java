package io.github.camelvelaro.sandbox.keys;

import java.util.Set;

import io.github.camelvelaro.velaro.client.VelaroScope;

/** The outcome of checking a request's {@code Authorization} header. Never holds the key itself. */
public sealed interface Authentication {

    /**
     * A live key.
     *
     * @param fingerprint the key's fingerprint (first 12 hex digits of its SHA-256), for the journal
     * @param scopes      what the key may do
     */
    record Accepted(String fingerprint, Set<VelaroScope> scopes) implements Authentication {
    }

    /**
     * No usable key: answered 401.
     *
     * @param code        the error code of the 401 body
     * @param message     the error message (never quotes the key)
     * @param fingerprint the fingerprint of the key sent, when a well-formed one was sent, for the journal
     */
    record Rejected(String code, String message, String fingerprint) implements Authentication {
    }
}
