package io.github.camelvelaro.sandbox.http;

/** What the connection does with a request: answer it, or close without a word (a simulated network failure). */
public sealed interface HttpOutcome {

    /** Write this response. */
    record Respond(RawResponse response) implements HttpOutcome {
    }

    /**
     * Close the connection without writing anything; with {@code reset}, abort it (TCP RST) instead of closing it
     * cleanly (FIN), which clients report as "connection reset".
     */
    record Drop(boolean reset) implements HttpOutcome {
    }

    static HttpOutcome respond(RawResponse response) {
        return new Respond(response);
    }
}
