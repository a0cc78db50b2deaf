package io.github.camelvelaro.sandbox.api;

/**
 * A successful answer before it becomes JSON.
 *
 * @param status 200 or 201
 * @param body   the model (or page) to write
 */
record ApiReply(int status, Object body) {
}
