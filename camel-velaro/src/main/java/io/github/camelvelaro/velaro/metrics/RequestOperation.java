package io.github.camelvelaro.velaro.metrics;

import java.util.Locale;

import io.github.camelvelaro.velaro.client.VelaroRequest;

/**
 * The operation a request performs, named as the API client names it ({@code listConversations},
 * {@code getContact}, {@code triggerWorkflow}): a meter tag with few values, never an id or a URL.
 */
final class RequestOperation {

    static final String TRIGGER_WORKFLOW = "triggerWorkflow";

    private RequestOperation() {
    }

    /** e.g. {@code GET /conversations/c_1} is {@code getConversation}, {@code GET /contacts} is {@code listContacts}. */
    static String of(VelaroRequest request) {
        if (!request.isApi()) {
            return TRIGGER_WORKFLOW;
        }
        // describe() is "METHOD /path" for API requests
        String described = request.describe();
        int space = described.indexOf(' ');
        String path = space < 0 ? "" : described.substring(space + 1);
        String[] segments = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
        String collection = segments.length == 0 || segments[0].isEmpty() ? "root" : segments[0];
        boolean one = segments.length > 1;
        String verb = switch (request.method()) {
            case "GET" -> one ? "get" : "list";
            case "POST" -> "create";
            case "PATCH", "PUT" -> "update";
            case "DELETE" -> "delete";
            default -> request.method().toLowerCase(Locale.ROOT);
        };
        String noun = Character.toUpperCase(collection.charAt(0)) + collection.substring(1);
        if (!"list".equals(verb) && noun.endsWith("s")) {
            noun = noun.substring(0, noun.length() - 1);
        }
        return verb + noun;
    }
}
