package io.github.camelvelaro.sandbox.api;

import io.github.camelvelaro.sandbox.http.RawResponse;

/**
 * The response to a request and, for the journal, whose key it carried.
 *
 * @param response       the full response, headers included
 * @param keyFingerprint the fingerprint of the key sent, or null
 */
record ApiAnswer(RawResponse response, String keyFingerprint) {
}
