package io.github.camelvelaro.sandbox.faults;

import java.time.Duration;

/** What an injected fault does to a request. */
public sealed interface Fault {

    /** Answer with this status and an error body instead of processing the request. */
    record Status(int status) implements Fault {
    }

    /** Wait this long (wall clock), then process the request normally. */
    record Delay(Duration delay) implements Fault {
    }

    /**
     * Give no answer: close the connection, cleanly or with a TCP reset. With {@code afterProcessing} the request is
     * processed first (a POST does create), so only the response is lost, as when a network fails on the way back.
     */
    record Drop(boolean reset, boolean afterProcessing) implements Fault {
    }

    /** Process the request, then send a JSON body cut off halfway (status and headers as usual). */
    record MalformedJson() implements Fault {
    }

    /** A short name for the journal, e.g. {@code status 503}. */
    default String describe() {
        if (this instanceof Status s) {
            return "status " + s.status();
        }
        if (this instanceof Delay d) {
            return "delay " + d.delay().toMillis() + "ms";
        }
        if (this instanceof Drop d) {
            return (d.reset() ? "reset" : "close") + (d.afterProcessing() ? " after processing" : "");
        }
        return "malformed json";
    }
}
