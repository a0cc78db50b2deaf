package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelvelaro.sandbox.journal.JournalEntry;
import io.github.camelvelaro.sandbox.workflows.WorkflowRun;
import io.github.camelvelaro.sandbox.workflows.WorkflowTriggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workflow webhook trigger URLs: the URL is the credential, a JSON POST starts a run. */
class SandboxWorkflowTriggersTest extends FrozenSiteTest {

    @Test
    void aTriggerUrlIsALoopbackUrlWithAnUnguessableToken() {
        String first = sandbox.createWorkflowTrigger("escalate");
        String second = sandbox.createWorkflowTrigger("escalate");

        URI uri = URI.create(first);
        assertThat(uri.getScheme()).isEqualTo("http");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(sandbox.port());
        assertThat(uri.getPath()).matches("/hooks/workflows/[A-Za-z0-9_-]{43}");
        assertThat(second).as("a new token every time, also for the same workflow").isNotEqualTo(first);
        assertThatThrownBy(() -> sandbox.createWorkflowTrigger(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJsonPostStartsARunAnswered202WithItsId() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        sandbox.clock().advance(Duration.ofMinutes(5));

        HttpResponse<String> response = post(trigger, "{\"conversationId\":\"conv_1\",\"priority\":2,\"tags\":[\"vip\"]}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Date")).hasValue("Tue, 10 Mar 2026 10:05:00 GMT");
        List<WorkflowRun> runs = sandbox.workflowRuns();
        assertThat(runs).hasSize(1);
        WorkflowRun run = runs.get(0);
        assertThat(run.workflow()).isEqualTo("escalate");
        assertThat(run.runId()).matches("run_[A-Za-z0-9]{16}");
        assertThat(run.body()).isEqualTo(Map.of("conversationId", "conv_1", "priority", 2, "tags", List.of("vip")));
        assertThat(run.receivedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(ApiCalls.json(response).path("runId").asText()).isEqualTo(run.runId());
        assertThat(ApiCalls.json(response).path("workflow").asText()).isEqualTo("escalate");
    }

    @Test
    void eachTriggerStartsItsOwnWorkflow() {
        String escalate = sandbox.createWorkflowTrigger("escalate");
        String followUp = sandbox.createWorkflowTrigger("follow-up");

        post(followUp, "{}");
        post(escalate, "[1,2]");
        post(followUp, "\"text\"");

        assertThat(sandbox.workflowRuns()).extracting(WorkflowRun::workflow)
                .containsExactly("follow-up", "escalate", "follow-up");
        assertThat(sandbox.workflowRuns()).extracting(WorkflowRun::body).containsExactly(Map.of(), List.of(1, 2), "text");
        assertThat(sandbox.workflowRuns()).extracting(WorkflowRun::runId).doesNotHaveDuplicates();
    }

    @Test
    void aBodyThatIsNotJsonIs400AndStartsNothing() {
        String trigger = sandbox.createWorkflowTrigger("escalate");

        HttpResponse<String> text = post(trigger, "escalate please");
        HttpResponse<String> empty = post(trigger, "");
        HttpResponse<String> trailing = post(trigger, "{\"a\":1} and more");

        for (HttpResponse<String> response : List.of(text, empty, trailing)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(ApiCalls.errorCode(response)).isEqualTo("invalid_json");
        }
        assertThat(sandbox.workflowRuns()).isEmpty();
    }

    @Test
    void anUnknownTokenIs404AndNeverEchoed() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        String wrong = trigger.substring(0, trigger.lastIndexOf('/') + 1) + "notTheTokenButLongEnoughToLookLikeOne00000";

        HttpResponse<String> unknown = post(wrong, "{}");
        HttpResponse<String> none = post(trigger.substring(0, trigger.lastIndexOf('/') + 1), "{}");
        HttpResponse<String> deeper = post(trigger + "/more", "{}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiCalls.errorCode(unknown)).isEqualTo("not_found");
        assertThat(unknown.body()).doesNotContain("notTheToken");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(deeper.statusCode()).isEqualTo(404);
        assertThat(sandbox.workflowRuns()).isEmpty();
    }

    @Test
    void otherMethodsAre405WithAllow() {
        String trigger = sandbox.createWorkflowTrigger("escalate");

        HttpResponse<String> get = new ApiCalls(trigger).send("GET", "", null, null);
        HttpResponse<String> put = new ApiCalls(trigger).send("PUT", "", null, "{}");

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(ApiCalls.errorCode(get)).isEqualTo("method_not_allowed");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(sandbox.workflowRuns()).isEmpty();
    }

    @Test
    void theJournalRecordsTriggerRequestsWithTheTokenMasked() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        String token = trigger.substring(trigger.lastIndexOf('/') + 1);

        post(trigger, "{}");
        post(trigger, "not json");

        List<JournalEntry> entries = sandbox.journal().entries("POST", WorkflowTriggers.JOURNAL_PATH);
        assertThat(entries).extracting(JournalEntry::status).containsExactly(202, 400);
        assertThat(entries).extracting(JournalEntry::path).containsOnly("/hooks/workflows/******");
        assertThat(entries).extracting(JournalEntry::keyFingerprint).containsOnlyNulls();
        assertThat(entries.get(0).time()).isEqualTo(T0);
        assertThat(sandbox.journal().entries().toString()).doesNotContain(token);
    }

    @Test
    void faultsTargetTriggerUrlsByTheirMaskedPath() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        sandbox.faults().nextRequest().path("/conversations").status(500);
        sandbox.faults().nextRequest().path(WorkflowTriggers.PATH).status(503);

        HttpResponse<String> failed = post(trigger, "{\"n\":1}");
        HttpResponse<String> served = post(trigger, "{\"n\":2}");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(ApiCalls.errorCode(failed)).isEqualTo("service_unavailable");
        assertThat(served.statusCode()).isEqualTo(202);
        assertThat(sandbox.workflowRuns()).extracting(WorkflowRun::body).containsExactly(Map.of("n", 2));
        assertThat(sandbox.faults().pending()).as("the /conversations fault is still armed").isEqualTo(1);
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::fault).containsExactly("status 503", null);
    }

    @Test
    void aDroppedTriggerRequestStartsNothingAndALostResponseStartsTheRun() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        sandbox.faults().nextRequest().path(WorkflowTriggers.PATH).resetConnection();
        sandbox.faults().nextRequest().path(WorkflowTriggers.PATH).loseResponse();

        assertThatThrownBy(() -> new ApiCalls(trigger).trySend("POST", "", null, "{\"n\":1}"))
                .isInstanceOf(IOException.class);
        assertThat(sandbox.workflowRuns()).isEmpty();
        assertThatThrownBy(() -> new ApiCalls(trigger).trySend("POST", "", null, "{\"n\":2}"))
                .isInstanceOf(IOException.class);

        // the caller cannot tell, but the workflow did start: a blind retry would start it twice
        assertThat(sandbox.workflowRuns()).extracting(WorkflowRun::body).containsExactly(Map.of("n", 2));
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::dropped).containsExactly(true, true);
    }

    @Test
    void awaitReturnsOnceTheRunsArriveOrWhatArrivedWhenTimeRunsOut() throws Exception {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        assertThat(sandbox.awaitWorkflowRuns(1, Duration.ofMillis(20))).as("nothing yet").isEmpty();

        CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> {
            post(trigger, "{\"n\":1}");
            post(trigger, "{\"n\":2}");
        });
        List<WorkflowRun> runs = sandbox.awaitWorkflowRuns(2, Duration.ofSeconds(10));

        assertThat(runs).extracting(WorkflowRun::body).containsExactly(Map.of("n", 1), Map.of("n", 2));
        caller.join();
    }

    @Test
    void resetForgetsRunsButTriggerUrlsKeepWorking() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        post(trigger, "{}");

        sandbox.reset();

        assertThat(sandbox.workflowRuns()).isEmpty();
        assertThat(post(trigger, "{}").statusCode()).isEqualTo(202);
        assertThat(sandbox.workflowRuns()).hasSize(1);
    }

    private static HttpResponse<String> post(String url, String body) {
        return new ApiCalls(url).send("POST", "", null, body);
    }
}
