package io.github.camelvelaro.sandbox.api;

import io.github.camelvelaro.sandbox.http.RawRequest;

/**
 * A part of the sandbox's HTTP surface (the REST API, workflow trigger URLs): answers its requests and, for an
 * injected status, fails one as it would fail for real, without processing it.
 */
interface ApiEndpoint {

    /**
     * @param path what the endpoint needs of the path: for the REST API the path below the base URL (null when the
     *             request is outside every endpoint), for trigger URLs the token
     */
    ApiAnswer serve(RawRequest request, String path);

    /** An injected failure with this status: the error body and headers of a real one. */
    ApiAnswer failure(RawRequest request, int status);
}
