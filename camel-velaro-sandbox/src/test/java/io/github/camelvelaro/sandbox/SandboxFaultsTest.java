package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelvelaro.sandbox.journal.JournalEntry;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.VelaroJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxFaultsTest extends FrozenSiteTest {

    @Test
    void theNextNRequestsAnswerTheStatusThenServiceResumes() {
        sandbox.faults().next(2).status(503);
        assertThat(sandbox.faults().pending()).isEqualTo(2);

        HttpResponse<String> first = api.get("/conversations", key);
        HttpResponse<String> second = api.post("/conversations", key, "{\"message\":\"hi\"}");
        HttpResponse<String> third = api.get("/conversations", key);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(ApiCalls.errorCode(first)).isEqualTo("service_unavailable");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(sandbox.conversations().size()).isZero();
        assertThat(third.statusCode()).isEqualTo(200);
        // failures did not use up the key's quota, and still carry the headers
        int perMinute = sandbox.limits().settings().perMinute();
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(perMinute));
        assertThat(third.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(perMinute - 1));
        assertThat(sandbox.faults().pending()).isZero();
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::status).containsExactly(503, 503, 200);
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::fault)
                .containsExactly("status 503", "status 503", null);
    }

    @Test
    void aFaultCanBeLimitedToAMethodAndAPathPrefix() {
        sandbox.faults().next(1).method("POST").path("/contacts").status(500);

        assertThat(api.get("/contacts", key).statusCode()).isEqualTo(200);
        assertThat(api.post("/conversations", key, "{\"message\":\"hi\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> failed = api.post("/contacts", key, "{\"email\":\"a@b.co\"}");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(ApiCalls.errorCode(failed)).isEqualTo("internal_error");
        assertThat(api.post("/contacts", key, "{\"email\":\"a@b.co\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aDelayedRequestTimesAClientOutThenIsProcessed() throws IOException {
        sandbox.faults().nextRequest().delay(Duration.ofMillis(600));
        ApiCalls impatient = api.withTimeout(Duration.ofMillis(150));

        assertThatThrownBy(() -> impatient.trySend("POST", "/conversations", "Bearer " + key, "{\"message\":\"slow\"}"))
                .isInstanceOf(HttpTimeoutException.class);
        HttpResponse<String> next = impatient.trySend("GET", "/conversations", "Bearer " + key, null);

        assertThat(next.statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> sandbox.journal().entries("POST", "/conversations").size() == 1);
        JournalEntry slow = sandbox.journal().entries("POST", "/conversations").get(0);
        assertThat(slow.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(slow.status()).isEqualTo(201);
        assertThat(sandbox.conversations().size()).isEqualTo(1);
    }

    @Test
    void aClosedOrResetConnectionGivesNoResponseAndProcessesNothing() {
        sandbox.faults().next(1).closeConnection();
        sandbox.faults().next(1).resetConnection();

        assertThatThrownBy(() -> api.trySend("POST", "/conversations", "Bearer " + key, "{\"message\":\"a\"}"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> api.trySend("POST", "/conversations", "Bearer " + key, "{\"message\":\"b\"}"))
                .isInstanceOf(IOException.class);

        assertThat(sandbox.conversations().size()).isZero();
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::dropped).containsExactly(true, true);
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::fault).containsExactly("close", "reset");
        assertThat(api.get("/conversations", key).statusCode()).isEqualTo(200);
    }

    @Test
    void aLostResponseLeavesTheRequestProcessed() {
        sandbox.faults().next(1).method("POST").loseResponse();

        assertThatThrownBy(() -> api.trySend("POST", "/conversations", "Bearer " + key, "{\"message\":\"once\"}"))
                .isInstanceOf(IOException.class);

        // the client cannot know, but the conversation exists: a blind retry would create a duplicate
        assertThat(sandbox.conversations().size()).isEqualTo(1);
        assertThat(sandbox.journal().last().orElseThrow().keyFingerprint()).isEqualTo(VelaroSandbox.fingerprint(key));
    }

    @Test
    void malformedJsonKeepsStatusAndHeadersButCutsTheBody() {
        sandbox.conversations().create(new CreateConversation("hello"));
        sandbox.faults().next(1).malformedJson();

        HttpResponse<String> response = api.get("/conversations", key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"data\":[");
        assertThatThrownBy(() -> VelaroJson.mapper().readTree(response.body()))
                .isInstanceOf(JsonProcessingException.class);
        assertThat(ApiCalls.json(api.get("/conversations", key)).path("data")).hasSize(1);
    }

    @Test
    void anItemEditedWhileAClientPagesMovesPastItAndAnotherIsSkipped() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sandbox.clock().advance(Duration.ofSeconds(1));
            ids.add(sandbox.conversations().create(new CreateConversation("m" + i)).getId());
        }
        sandbox.clock().advance(Duration.ofSeconds(1));
        sandbox.touchConversationAfterPage(ids.get(0), 1);

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            seen.addAll(ApiCalls.ids(api.get("/conversations?pageSize=1&page=" + page, key)));
        }

        // page 1 showed the first; it changed, so the order became 2nd, 3rd, 1st: page 2 is the 3rd, page 3 the 1st
        assertThat(seen).containsExactly(ids.get(0), ids.get(2), ids.get(0));
        assertThat(seen).doesNotContain(ids.get(1));
        assertThat(sandbox.conversations().get(ids.get(0)).orElseThrow().getUpdatedAt()).isAfter(T0.plusSeconds(1));
    }

    @Test
    void clearDisarmsEverything() {
        sandbox.faults().next(3).status(500);
        sandbox.faults().afterPage("/contacts", 1, () -> {
            throw new AssertionError("disarmed");
        });
        sandbox.faults().clear();

        assertThat(sandbox.faults().pending()).isZero();
        assertThat(api.get("/contacts", key).statusCode()).isEqualTo(200);
    }

    @Test
    void invalidFaultsAreRefused() {
        assertThatThrownBy(() -> sandbox.faults().next(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().nextRequest().status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().nextRequest().path("contacts"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.faults().pending()).isZero();
    }
}
