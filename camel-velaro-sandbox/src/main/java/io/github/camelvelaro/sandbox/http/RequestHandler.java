package io.github.camelvelaro.sandbox.http;

/** Turns a request into what the connection should do; called on the connection's thread. */
@FunctionalInterface
public interface RequestHandler {

    HttpOutcome handle(RawRequest request);
}
