package io.github.camelvelaro.sandbox.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.github.camelvelaro.sandbox.http.QueryString;
import io.github.camelvelaro.sandbox.http.RawRequest;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.ConversationStatus;

/**
 * Reads the list parameters of openapi.yaml ({@code page} from 1, {@code pageSize} 1–100 with default 25,
 * {@code updatedSince} as an ISO-8601 date-time, {@code status} and {@code email}) into the component's
 * {@link ListQuery}; a value outside the contract is a 400 naming the parameter. Unknown parameters are ignored.
 */
final class ListParameters {

    static final int DEFAULT_PAGE_SIZE = 25;

    private ListParameters() {
    }

    static ListQuery conversations(RawRequest request) {
        QueryString query = query(request);
        String status = query.get("status").orElse(null);
        if (status != null && java.util.Arrays.stream(ConversationStatus.values())
                .noneMatch(s -> s.wireValue().equals(status))) {
            throw ApiError.badRequest("status must be one of open, resolved, missed, abandoned; was '" + status + "'");
        }
        return common(query).withStatus(status);
    }

    static ListQuery contacts(RawRequest request) {
        QueryString query = query(request);
        return common(query).withEmail(query.get("email").orElse(null));
    }

    private static QueryString query(RawRequest request) {
        try {
            return request.query();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the query string has a malformed %-escape");
        }
    }

    private static ListQuery common(QueryString query) {
        int page = integer(query, "page", 1);
        int pageSize = integer(query, "pageSize", DEFAULT_PAGE_SIZE);
        if (page < 1) {
            throw ApiError.badRequest("page must be 1 or more; was " + page);
        }
        if (pageSize < 1 || pageSize > ListQuery.MAX_PAGE_SIZE) {
            throw ApiError.badRequest(
                    "pageSize must be between 1 and " + ListQuery.MAX_PAGE_SIZE + "; was " + pageSize);
        }
        return ListQuery.page(page, pageSize).withUpdatedSince(instant(query, "updatedSince"));
    }

    private static int integer(QueryString query, String name, int defaultValue) {
        String value = query.get(name).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer; was '" + value + "'");
        }
    }

    private static Instant instant(QueryString query, String name) {
        String value = query.get(name).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be an ISO-8601 date-time such as 2026-11-27T10:15:30Z; was '"
                                      + value + "'");
        }
    }
}
