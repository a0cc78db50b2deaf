package io.github.camelvelaro.velaro.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of a list request.
 * <p>
 * ASSUMPTION (openapi.yaml, x-source: assumed): the parameter names {@code page} (1-based), {@code pageSize}
 * (1–100), {@code updatedSince} (inclusive, ISO-8601; results then ordered by updatedAt, id), {@code status} and
 * {@code email}.
 *
 * @param page         1-based page number
 * @param pageSize     items per page, 1–100
 * @param updatedSince only items whose updatedAt is at or after this instant, or null
 * @param status       conversations only: only this status, or null
 * @param email        contacts only: exact, case-insensitive email match, or null
 */
public record ListQuery(int page, int pageSize, Instant updatedSince, String status, String email) {

    public static final int MAX_PAGE_SIZE = 100;

    public ListQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    public static ListQuery page(int page, int pageSize) {
        return new ListQuery(page, pageSize, null, null, null);
    }

    public ListQuery withUpdatedSince(Instant since) {
        return new ListQuery(page, pageSize, since, status, email);
    }

    public ListQuery withStatus(String newStatus) {
        return new ListQuery(page, pageSize, updatedSince, newStatus, email);
    }

    public ListQuery withEmail(String newEmail) {
        return new ListQuery(page, pageSize, updatedSince, status, newEmail);
    }

    Map<String, String> toParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("page", Integer.toString(page));
        params.put("pageSize", Integer.toString(pageSize));
        if (updatedSince != null) {
            params.put("updatedSince", updatedSince.toString());
        }
        if (status != null) {
            params.put("status", status);
        }
        if (email != null) {
            params.put("email", email);
        }
        return params;
    }
}
