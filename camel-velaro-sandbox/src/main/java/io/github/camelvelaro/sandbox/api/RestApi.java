package io.github.camelvelaro.sandbox.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.github.camelvelaro.sandbox.faults.FaultInjector;
import io.github.camelvelaro.sandbox.http.RawRequest;
import io.github.camelvelaro.sandbox.http.RawResponse;
import io.github.camelvelaro.sandbox.keys.Authentication;
import io.github.camelvelaro.sandbox.keys.KeyRegistry;
import io.github.camelvelaro.sandbox.limits.LimitDecision;
import io.github.camelvelaro.sandbox.limits.LimitSettings;
import io.github.camelvelaro.sandbox.limits.RateLimitHeaderWriter;
import io.github.camelvelaro.sandbox.limits.RateLimiter;
import io.github.camelvelaro.sandbox.store.ContactStore;
import io.github.camelvelaro.sandbox.store.ConversationStore;
import io.github.camelvelaro.velaro.model.VelaroJson;
import io.github.camelvelaro.velaro.model.VelaroPage;

/**
 * Velaro's REST API as openapi.yaml describes it, in the order a gateway would check a request: the key (401), the
 * rate limits (429, counted only for live keys), the route (404/405), the key's scope (403, naming
 * {@code requiredScope}), then the operation (400/404 or success). Every response carries {@code Date} (sandbox
 * clock) and the rate-limit headers. After a list page is computed, an edit armed for it runs.
 */
final class RestApi implements ApiEndpoint {

    private final Clock clock;
    private final KeyRegistry keys;
    private final RateLimiter limiter;
    private final ConversationsApi conversations;
    private final ContactsApi contacts;
    private final FaultInjector faults;

    RestApi(Clock clock, KeyRegistry keys, RateLimiter limiter, ConversationStore conversations, ContactStore contacts,
            FaultInjector faults) {
        this.clock = clock;
        this.keys = keys;
        this.limiter = limiter;
        this.conversations = new ConversationsApi(conversations);
        this.contacts = new ContactsApi(contacts);
        this.faults = faults;
    }

    /**
     * @param path the path below the base URL, or null when the request is outside it
     */
    @Override
    public ApiAnswer serve(RawRequest request, String path) {
        Authentication auth = keys.authenticate(request.header("Authorization").orElse(null));
        if (auth instanceof Authentication.Rejected rejected) {
            return new ApiAnswer(error(new ApiError(401, rejected.code(), rejected.message()), limiter.peek(null)),
                    rejected.fingerprint());
        }
        Authentication.Accepted key = (Authentication.Accepted) auth;
        LimitDecision limits = limiter.acquire(key.fingerprint());
        if (!limits.allowed()) {
            return new ApiAnswer(error(tooManyRequests(limits), limits), key.fingerprint());
        }
        try {
            ApiRoute route = ApiRoute.resolve(request.method(), path);
            if (!key.scopes().contains(route.operation().scope)) {
                String scope = route.operation().scope.value();
                throw new ApiError(403, "insufficient_scope", "This API key does not have the " + scope + " scope",
                        scope);
            }
            ApiReply reply = execute(route, request);
            if (reply.body() instanceof VelaroPage<?> page) {
                // the page is already a snapshot: an edit armed for it shows from the client's next request on
                faults.takePageEdit(request.method(), path, page.getPage()).ifPresent(Runnable::run);
            }
            RawResponse response = RawResponse.json(reply.status(), VelaroJson.toJsonBytes(reply.body()));
            return new ApiAnswer(withCommonHeaders(response, limits), key.fingerprint());
        } catch (ApiError e) {
            return new ApiAnswer(error(e, limits), key.fingerprint());
        }
    }

    /** An injected failure: the error body and headers of a real one, without processing or counting the request. */
    @Override
    public ApiAnswer failure(RawRequest request, int status) {
        Authentication auth = keys.authenticate(request.header("Authorization").orElse(null));
        String fingerprint = auth instanceof Authentication.Accepted a ? a.fingerprint()
                : ((Authentication.Rejected) auth).fingerprint();
        return new ApiAnswer(error(ApiError.injected(status),
                limiter.peek(auth instanceof Authentication.Accepted ? fingerprint : null)), fingerprint);
    }

    private ApiReply execute(ApiRoute route, RawRequest request) {
        return switch (route.operation()) {
            case LIST_CONVERSATIONS -> conversations.list(request);
            case CREATE_CONVERSATION -> conversations.create(request);
            case GET_CONVERSATION -> conversations.get(route.id());
            case LIST_CONTACTS -> contacts.list(request);
            case CREATE_CONTACT -> contacts.create(request);
            case GET_CONTACT -> contacts.get(route.id());
            case UPDATE_CONTACT -> contacts.update(request, route.id());
        };
    }

    private ApiError tooManyRequests(LimitDecision limits) {
        LimitSettings plan = limiter.settings();
        String message = switch (limits.exceeded()) {
            case PER_MINUTE -> "Rate limit exceeded: " + plan.perMinute() + " requests per minute for this key";
            case PER_DAY -> "Daily limit exceeded: " + plan.perDay() + " requests per day for this site";
            case PER_MONTH -> "Monthly cap exceeded: " + plan.perMonth() + " requests per month for this site";
        };
        return new ApiError(429, "rate_limit_exceeded", message);
    }

    private RawResponse error(ApiError e, LimitDecision limits) {
        return withCommonHeaders(RawResponse.json(e.status(), ErrorBody.of(e)), limits);
    }

    private RawResponse withCommonHeaders(RawResponse response, LimitDecision limits) {
        Instant now = clock.instant();
        RawResponse out = HttpDate.stamp(response, now);
        Map<String, String> limitHeaders = RateLimitHeaderWriter.headers(limits, limiter.settings().resetFormat(), now);
        for (Map.Entry<String, String> header : limitHeaders.entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue());
        }
        return out;
    }
}
