package io.github.camelvelaro.velaro.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Velaro workflow's webhook trigger URL. The URL is the credential, so it is never shown: {@link #toString()}
 * names only the host, and {@link #scrubber()} removes its secret parts from any text about it.
 */
public final class WorkflowTrigger {

    private final URI uri;
    private final SecretScrubber scrubber;

    private WorkflowTrigger(URI uri) {
        this.uri = uri;
        this.scrubber = new SecretScrubber(List.of(uri.toString(), nullToEmpty(uri.getRawPath()),
                nullToEmpty(uri.getRawQuery())), secretParts(uri));
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

    /** Removes the URL, its path and query, and each secret part or fragment of one from texts and exceptions. */
    SecretScrubber scrubber() {
        return scrubber;
    }

    /**
     * The parts of a trigger URL that make it a credential, raw and decoded. ASSUMPTION: Velaro does not document
     * the form of its trigger URLs (the sandbox's are {@code /hooks/workflows/<token>}); the secret is taken to be
     * the last path segment, every segment that looks generated (16 characters or more, or 8 or more mixing letters
     * and digits), every query value and any user info, so that an error quoting just the token, or part of the
     * path, shows none of it. Words such as {@code hooks} or {@code workflows} stay readable.
     */
    static List<String> secretParts(URI uri) {
        List<String> parts = new ArrayList<>();
        String[] segments = nullToEmpty(uri.getRawPath()).split("/");
        int last = segments.length - 1;
        while (last >= 0 && segments[last].isEmpty()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            if (i == last || looksGenerated(segments[i])) {
                addRawAndDecoded(parts, segments[i]);
            }
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                addRawAndDecoded(parts, eq < 0 ? pair : pair.substring(eq + 1));
            }
        }
        if (uri.getRawUserInfo() != null) {
            addRawAndDecoded(parts, uri.getRawUserInfo());
        }
        return parts;
    }

    private static boolean looksGenerated(String segment) {
        if (segment.length() >= 16) {
            return true;
        }
        return segment.length() >= 8 && segment.chars().anyMatch(Character::isDigit)
               && segment.chars().anyMatch(Character::isLetter);
    }

    private static void addRawAndDecoded(List<String> parts, String raw) {
        if (raw.isEmpty()) {
            return;
        }
        parts.add(raw);
        try {
            String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            if (!decoded.equals(raw)) {
                parts.add(decoded);
            }
        } catch (IllegalArgumentException notEncoded) {
            // a stray '%': the raw form is all there is
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "workflow trigger on " + uri.getHost();
    }
}
