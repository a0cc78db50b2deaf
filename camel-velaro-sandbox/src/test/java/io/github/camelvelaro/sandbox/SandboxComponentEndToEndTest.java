package io.github.camelvelaro.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.sandbox.limits.LimitSettings;
import io.github.camelvelaro.sandbox.workflows.WorkflowRun;
import io.github.camelvelaro.sandbox.workflows.WorkflowTriggers;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.exception.VelaroAuthenticationException;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.exception.VelaroForbiddenException;
import io.github.camelvelaro.velaro.exception.VelaroMalformedResponseException;
import io.github.camelvelaro.velaro.exception.VelaroNotFoundException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import io.github.camelvelaro.velaro.client.VelaroScope;
import io.github.camelvelaro.velaro.exception.VelaroServerException;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The component's producers, end to end against the sandbox: what a user's test of a route looks like. */
class SandboxComponentEndToEndTest extends CamelTestSupport {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    static final String GUIDE_EXAMPLE = """
            {"visitorName":"Jane Doe","visitorEmail":"jane@example.com","channel":"web",
             "message":"Hi, I have a question about my order","customData":{"orderId":"12345"}}""";

    private String key;

    @BeforeEach
    void freshSite() {
        sandbox.reset();
        sandbox.clock().set(Instant.now());
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS);
        key = sandbox.createReadWriteKey();
    }

    private String velaro(String resource, String key, String options) {
        return "velaro:" + resource + "?apiKey=RAW(" + key + ")&baseUrl=" + sandbox.baseUrl()
               + (options == null ? "" : "&" + options);
    }

    @Test
    void aConversationCreatedThroughTheProducerCanBeReadBackAndListed() {
        Exchange created = template.request(velaro("conversations", key, null), e -> e.getMessage().setBody(GUIDE_EXAMPLE));

        assertThat(created.getException()).isNull();
        Conversation conversation = created.getMessage().getBody(Conversation.class);
        String id = conversation.getId();
        assertThat(id).startsWith("conv_");
        assertThat(created.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo(id);
        assertThat(created.getMessage().getHeader(VelaroConstants.RATE_LIMIT_REMAINING)).isEqualTo(59);
        assertThat(sandbox.conversations().get(id)).isPresent();

        Exchange got = template.request(velaro("conversations", key, "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, id));
        Conversation read = got.getMessage().getBody(Conversation.class);
        assertThat(read.getVisitorName()).isEqualTo("Jane Doe");
        assertThat(read.getCustomData()).containsEntry("orderId", "12345");
        assertThat(read.getUpdatedAt()).isEqualTo(conversation.getUpdatedAt());

        Exchange listed = template.request(velaro("conversations", key, "operation=list&pageSize=10"), e -> {
        });
        @SuppressWarnings("unchecked")
        List<Conversation> page = listed.getMessage().getBody(List.class);
        assertThat(page).extracting(Conversation::getId).containsExactly(id);
        assertThat(listed.getMessage().getHeader(VelaroConstants.HAS_MORE)).isEqualTo(false);
        assertThat(sandbox.journal().entries()).extracting(entry -> entry.method() + " " + entry.path())
                .containsExactly("POST /conversations", "GET /conversations/" + id, "GET /conversations");
        assertThat(sandbox.journal().entries()).extracting(entry -> entry.keyFingerprint())
                .containsOnly(VelaroSandbox.fingerprint(key));
    }

    @Test
    void listHonoursStatusAndUpdatedSince() {
        String first = template.requestBody(velaro("conversations", key, null), Map.of("message", "first"),
                Conversation.class).getId();
        sandbox.clock().advance(Duration.ofMinutes(1));
        Instant later = sandbox.clock().instant();
        String second = template.requestBody(velaro("conversations", key, null), Map.of("message", "second"),
                Conversation.class).getId();
        sandbox.conversations().assign(first, "Alex");
        sandbox.conversations().resolve(first);

        @SuppressWarnings("unchecked")
        List<Conversation> open = template.requestBody(velaro("conversations", key, "operation=list&status=open"), null,
                List.class);
        @SuppressWarnings("unchecked")
        List<Conversation> since = template.requestBodyAndHeader(velaro("conversations", key, "operation=list"), null,
                VelaroConstants.UPDATED_SINCE, later, List.class);

        assertThat(open).extracting(Conversation::getId).containsExactly(second);
        assertThat(since).extracting(Conversation::getId).containsExactly(second, first);
    }

    @Test
    void contactsAreCreatedUpdatedReadAndFoundByEmail() {
        Contact created = template.requestBody(velaro("contacts", key, null),
                Map.of("name", "Jane Doe", "email", "jane@example.com", "company", "Acme"), Contact.class);
        String id = created.getId();
        sandbox.clock().advance(Duration.ofSeconds(5));

        Contact updated = template.requestBodyAndHeader(velaro("contacts", key, "operation=update"),
                Map.of("company", "Globex"), VelaroConstants.CONTACT_ID, id, Contact.class);
        Contact read = template.requestBodyAndHeader(velaro("contacts", key, "operation=get"), null,
                VelaroConstants.CONTACT_ID, id, Contact.class);
        @SuppressWarnings("unchecked")
        List<Contact> found = template.requestBodyAndHeader(velaro("contacts", key, "operation=list"), null,
                VelaroConstants.CONTACT_EMAIL, "JANE@EXAMPLE.COM", List.class);

        assertThat(updated.getCompany()).isEqualTo("Globex");
        assertThat(updated.getName()).isEqualTo("Jane Doe");
        assertThat(updated.getUpdatedAt()).isAfter(created.getUpdatedAt());
        assertThat(read.getCompany()).isEqualTo("Globex");
        assertThat(found).extracting(Contact::getId).containsExactly(id);
        assertThat(sandbox.contacts().get(id).orElseThrow().getCompany()).isEqualTo("Globex");
    }

    @Test
    void aMissingScopeSurfacesAsVelaroForbiddenExceptionNamingIt() {
        String readOnly = sandbox.createKey(VelaroScope.READ_CONTACTS);

        Exchange out = template.request(velaro("contacts", readOnly, null),
                e -> e.getMessage().setBody(Map.of("email", "a@example.com")));

        assertThat(out.getException()).isInstanceOf(VelaroForbiddenException.class);
        assertThat(((VelaroForbiddenException) out.getException()).getRequiredScope()).isEqualTo("write:contacts");
        assertThat(sandbox.contacts().size()).isZero();
    }

    @Test
    void aRotatedKeyIsRefusedWithVelaroAuthenticationException() {
        String rotated = sandbox.rotateKey(key);

        Exchange refused = template.request(velaro("conversations", key, "operation=list"), e -> {
        });
        Exchange accepted = template.request(velaro("conversations", rotated, "operation=list"), e -> {
        });

        assertThat(refused.getException()).isInstanceOf(VelaroAuthenticationException.class)
                .hasMessageNotContaining(key.substring(4));
        assertThat(accepted.getException()).isNull();
    }

    @Test
    void aSpentDailyLimitSurfacesAsVelaroRateLimitExceptionUntilMidnight() {
        // early in a (simulated) UTC day, so the day's reset is about 24 hours away
        sandbox.clock().set(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withPerDay(2));
        String uri = velaro("conversations", key, "operation=list");
        template.request(uri, e -> {
        });
        template.request(uri, e -> {
        });

        Exchange refused = template.request(uri, e -> {
        });

        assertThat(refused.getException()).isInstanceOf(VelaroRateLimitException.class);
        VelaroRateLimitException e = (VelaroRateLimitException) refused.getException();
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getRetryAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void aServerErrorOnACreateIsNotRetriedAndCreatesNothing() {
        sandbox.faults().next(1).method("POST").status(503);

        Exchange out = template.request(velaro("conversations", key, null), e -> e.getMessage().setBody(GUIDE_EXAMPLE));

        assertThat(out.getException()).isInstanceOf(VelaroServerException.class);
        assertThat(((VelaroServerException) out.getException()).getStatusCode()).isEqualTo(503);
        assertThat(sandbox.conversations().size()).isZero();
        assertThat(sandbox.journal().entries("POST", "/conversations")).hasSize(1);
    }

    @Test
    void aLostResponseToACreateIsReportedAndNotRetried() {
        sandbox.faults().next(1).method("POST").loseResponse();

        Exchange out = template.request(velaro("conversations", key, null), e -> e.getMessage().setBody(GUIDE_EXAMPLE));

        assertThat(out.getException()).isInstanceOf(VelaroConnectionException.class);
        assertThat(sandbox.conversations().size()).isEqualTo(1);
        assertThat(sandbox.journal().entries("POST", "/conversations")).hasSize(1);
    }

    @Test
    void aMalformedBodyIsReportedAsSuch() {
        sandbox.faults().next(1).method("POST").malformedJson();

        Exchange out = template.request(velaro("conversations", key, null), e -> e.getMessage().setBody(GUIDE_EXAMPLE));

        assertThat(out.getException()).isInstanceOf(VelaroMalformedResponseException.class);
    }

    @Test
    void aWorkflowTriggeredThroughTheProducerIsRecordedAndAnswersItsRunId() {
        String trigger = sandbox.createWorkflowTrigger("escalate");

        String answer = template.requestBody("velaro:workflows?triggerUrl=RAW(" + trigger + ")",
                Map.of("conversationId", "conv_1", "reason", "angry customer"), String.class);

        assertThat(sandbox.workflowRuns()).hasSize(1);
        WorkflowRun run = sandbox.workflowRuns().get(0);
        assertThat(run.workflow()).isEqualTo("escalate");
        assertThat(run.body()).isEqualTo(Map.of("conversationId", "conv_1", "reason", "angry customer"));
        assertThat(answer).isEqualTo("{\"runId\":\"" + run.runId() + "\",\"workflow\":\"escalate\"}");
        assertThat(sandbox.journal().entries("POST", WorkflowTriggers.JOURNAL_PATH)).hasSize(1);
    }

    @Test
    void aWrongTriggerUrlFailsWithVelaroNotFoundExceptionThatNeverShowsTheToken() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        String token = trigger.substring(trigger.lastIndexOf('/') + 1);
        String wrongToken = "x" + token.substring(1);

        Exchange out = template.request("velaro:workflows?triggerUrl=RAW(" + trigger.replace(token, wrongToken) + ")",
                e -> e.getMessage().setBody(Map.of("conversationId", "conv_1")));

        assertThat(out.getException()).isInstanceOf(VelaroNotFoundException.class)
                .hasMessageContaining("404")
                .hasMessageNotContaining(wrongToken).hasMessageNotContaining(token.substring(1));
        assertThat(sandbox.workflowRuns()).isEmpty();
    }

    @Test
    void aLostResponseToATriggerIsReportedAndNotRetried() {
        String trigger = sandbox.createWorkflowTrigger("escalate");
        sandbox.faults().nextRequest().path(WorkflowTriggers.PATH).loseResponse();

        Exchange out = template.request("velaro:workflows?triggerUrl=RAW(" + trigger + ")",
                e -> e.getMessage().setBody("{\"conversationId\":\"conv_1\"}"));

        assertThat(out.getException()).isInstanceOf(VelaroConnectionException.class);
        assertThat(sandbox.workflowRuns()).as("started once, not twice").hasSize(1);
    }
}
