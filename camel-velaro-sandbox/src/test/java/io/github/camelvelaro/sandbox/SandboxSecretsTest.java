package io.github.camelvelaro.sandbox;

import java.net.ServerSocket;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.github.camelvelaro.sandbox.webhooks.RetryPolicy;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys, webhook secrets and workflow trigger tokens never reach the sandbox's logs, journal, error bodies or
 * {@code toString()}.
 */
class SandboxSecretsTest {

    /** Captures every record of the sandbox's loggers (System.Logger goes to java.util.logging here). */
    private static final class Capture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("io.github.camelvelaro.sandbox");
        private final Level previous = logger.getLevel();
        private final List<String> lines = new ArrayList<>();

        Capture() {
            setLevel(Level.ALL);
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            String text = record.getParameters() == null ? record.getMessage()
                    : MessageFormat.format(record.getMessage(), record.getParameters());
            lines.add(record.getLoggerName() + ": " + text + (record.getThrown() == null ? "" : " | " + record.getThrown()));
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }

    /** With + and /, which URL decoding and naive masking get wrong. */
    static final String SECRET = "whsec_++++////MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void noKeyOrSecretLeaksWhateverHappens() throws Exception {
        try (Capture capture = new Capture();
             VelaroSandbox sandbox = new VelaroSandbox(SandboxSettings.defaults().withWebhookSecret(SECRET)
                     .withWebhookRetry(RetryPolicy.fast().withMaxAttempts(2))).start()) {
            String key = sandbox.createReadWriteKey();
            String revoked = sandbox.createReadOnlyKey();
            sandbox.revokeKey(revoked);
            String secret = sandbox.webhookSecret();
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            sandbox.registerWebhook("http://127.0.0.1:" + closedPort + "/down");
            ApiCalls api = new ApiCalls(sandbox.baseUrl());
            List<String> bodies = new ArrayList<>();

            bodies.add(api.get("/conversations", key).body());
            bodies.add(api.get("/conversations", revoked).body());
            bodies.add(api.get("/conversations?apiKey=" + key, key).body());
            bodies.add(api.get("/conversations/" + key, key).body());
            // a careless client puts secrets in the URL, unencoded
            bodies.add(api.get("/contacts?email=" + secret, key).body());
            bodies.add(api.post("/contacts", key, "{\"" + key + "\":1}").body());
            sandbox.faults().next(1).status(500);
            bodies.add(api.get("/conversations", key).body());
            sandbox.faults().next(1).closeConnection();
            try {
                api.trySend("POST", "/conversations", "Bearer " + key, "{\"message\":\"x\"}");
            } catch (java.io.IOException expected) {
                // dropped on purpose
            }
            String trigger = sandbox.createWorkflowTrigger("escalate");
            String token = trigger.substring(trigger.lastIndexOf('/') + 1);
            ApiCalls hook = new ApiCalls(trigger);
            bodies.add(hook.send("POST", "", null, "{\"token\":\"not this one\"}").body());
            bodies.add(hook.send("GET", "", null, null).body());
            bodies.add(hook.send("POST", "", null, "not json").body());
            bodies.add(hook.send("POST", "x", null, "{}").body()); // an unknown token that starts with the real one
            sandbox.faults().next(1).status(503);
            bodies.add(hook.send("POST", "", null, "{}").body());
            sandbox.conversations().create(new CreateConversation("a webhook that cannot be delivered"));
            assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();

            List<String> everything = new ArrayList<>(capture.lines());
            everything.addAll(bodies);
            everything.add(sandbox.journal().entries().toString());
            everything.add(sandbox.toString());
            everything.add(sandbox.settings().toString());
            everything.add(sandbox.webhooks().attempts().toString());
            everything.add(sandbox.workflowRuns().toString());
            assertThat(secret).isEqualTo(SECRET);
            assertThat(capture.lines()).as("the capture works").anyMatch(l -> l.contains("Giving up"));
            assertThat(sandbox.workflowRuns()).as("the trigger worked").hasSize(1);
            for (String text : everything) {
                assertThat(text).doesNotContain(key.substring(4)).doesNotContain(revoked.substring(4))
                        .doesNotContain(secret.substring(secret.length() - 12)).doesNotContain(token.substring(0, 12));
            }
        }
    }
}
