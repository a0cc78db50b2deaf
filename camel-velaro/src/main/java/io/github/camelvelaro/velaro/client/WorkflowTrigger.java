package io.github.camelvelaro.velaro.client;

import java.net.URI;

/**
 * A Velaro workflow's webhook trigger URL. The URL is the credential, so it is never shown: {@link #toString()}
 * names only the host.
 */
public final class WorkflowTrigger {

    private final URI uri;

    private WorkflowTrigger(URI uri) {
        this.uri = uri;
    }

    /**
     * Validates a trigger URL: absolute, {@code https} except for loopback hosts.
     *
     * @throws IllegalArgumentException naming the option, never echoing the URL
     */
    public static WorkflowTrigger of(String url, String option) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Option " + option
                                               + " is required for velaro:workflows: set it to the workflow's webhook trigger URL");
        }
        URI uri = Endpoints.parseHttpUri(url.trim(), option, false);
        return new WorkflowTrigger(uri);
    }

    URI uri() {
        return uri;
    }

    /** The literal forms of the secret, for scrubbing texts that might quote it. */
    String[] literals() {
        return new String[] { uri.toString(), uri.getRawPath(), uri.getRawQuery() };
    }

    @Override
    public String toString() {
        return "workflow trigger on " + uri.getHost();
    }
}
