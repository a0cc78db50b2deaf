package io.github.camelvelaro.sandbox.api;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelvelaro.sandbox.http.RawRequest;
import io.github.camelvelaro.sandbox.http.RawResponse;
import io.github.camelvelaro.sandbox.workflows.WorkflowRun;
import io.github.camelvelaro.sandbox.workflows.WorkflowRuns;
import io.github.camelvelaro.sandbox.workflows.WorkflowTriggers;
import io.github.camelvelaro.velaro.model.VelaroJson;

/**
 * A workflow's webhook trigger URL, {@code POST /hooks/workflows/<token>}: a JSON body starts a run, answered
 * {@code 202 {"runId", "workflow"}}; a body that is not JSON is a 400, a token that is not ours a 404, another method
 * a 405. The URL is the credential, so there is no API key and no rate limit, and no answer repeats the token.
 */
final class WorkflowTriggerApi implements ApiEndpoint {

    private final Clock clock;
    private final WorkflowTriggers triggers;
    private final WorkflowRuns runs;

    WorkflowTriggerApi(Clock clock, WorkflowTriggers triggers, WorkflowRuns runs) {
        this.clock = clock;
        this.triggers = triggers;
        this.runs = runs;
    }

    /** @param token the path after {@code /hooks/workflows/} */
    @Override
    public ApiAnswer serve(RawRequest request, String token) {
        try {
            String workflow = triggers.workflowFor(token)
                    .orElseThrow(() -> ApiError.notFound("No workflow trigger at this URL"));
            if (!"POST".equalsIgnoreCase(request.method())) {
                throw new ApiError(405, "method_not_allowed", request.method() + " is not allowed here; use POST");
            }
            WorkflowRun run = runs.start(workflow, json(request.body()));
            Map<String, Object> started = new LinkedHashMap<>();
            started.put("runId", run.runId());
            started.put("workflow", run.workflow());
            return answer(RawResponse.json(202, VelaroJson.toJsonBytes(started)));
        } catch (ApiError e) {
            RawResponse refused = RawResponse.json(e.status(), ErrorBody.of(e));
            return answer(e.status() == 405 ? refused.withHeader("Allow", "POST") : refused);
        }
    }

    @Override
    public ApiAnswer failure(RawRequest request, int status) {
        return answer(RawResponse.json(status, ErrorBody.of(ApiError.injected(status))));
    }

    /** Any JSON value, and nothing after it: {@code {"a":1} junk} is not JSON. */
    private static Object json(byte[] body) {
        if (body.length == 0) {
            throw new ApiError(400, "invalid_json", "the request body is empty; a workflow trigger takes a JSON body");
        }
        // made per request, not in a static field: that would load Jackson when the sandbox starts, not when used
        ObjectReader reader = VelaroJson.mapper().readerFor(Object.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            return reader.readValue(body);
        } catch (IOException e) {
            throw new ApiError(400, "invalid_json", "the request body is not valid JSON");
        }
    }

    /** No key, so no fingerprint for the journal. */
    private ApiAnswer answer(RawResponse response) {
        return new ApiAnswer(HttpDate.stamp(response, clock.instant()), null);
    }
}
