package io.github.camelvelaro.sandbox.workflows;

import java.time.Instant;

/**
 * One POST to a workflow's trigger URL that started a run.
 *
 * @param workflow   the name the trigger was created for
 * @param runId      the id answered to the caller, e.g. {@code run_7Hq2…}
 * @param body       the JSON body as Jackson reads it untyped: a {@code Map<String, Object>} for an object, a
 *                   {@code List} for an array, else a string, number, boolean or null
 * @param receivedAt when it arrived (sandbox clock)
 */
public record WorkflowRun(String workflow, String runId, Object body, Instant receivedAt) {
}
