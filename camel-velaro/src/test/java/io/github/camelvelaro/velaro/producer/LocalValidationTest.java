package io.github.camelvelaro.velaro.producer;

import java.util.Map;
import java.util.function.Consumer;

import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid messages fail with a message naming the problem, and nothing is sent. */
class LocalValidationTest extends VelaroTestSupport {

    private void assertRejected(String resource, String options, Consumer<Message> message, String expected) {
        Exchange out = template.send(velaro(resource, options), e -> message.accept(e.getMessage()));
        assertThat(out.getException()).isInstanceOf(VelaroValidationException.class).hasMessageContaining(expected);
        assertThat(((VelaroValidationException) out.getException()).getStatusCode()).isZero();
        assertThat(requestCount()).as("requests sent").isZero();
    }

    @Test
    void emptyMessage() {
        assertRejected("conversations", null, m -> m.setBody(Map.of("message", "  ")),
                "CreateConversation.message must not be empty");
        assertRejected("conversations", null, m -> m.setBody("{\"visitorName\":\"Jane\"}"),
                "CreateConversation.message must not be empty");
    }

    @Test
    void overLongMessage() {
        assertRejected("conversations", null, m -> m.setBody(Map.of("message", "x".repeat(10_001))),
                "CreateConversation.message is 10001 characters long; the most Velaro accepts is 10000");
    }

    @Test
    void malformedVisitorEmail() {
        assertRejected("conversations", null, m -> m.setBody(Map.of("message", "hi", "visitorEmail", "jane@")),
                "CreateConversation.visitorEmail is not a valid email address");
    }

    @Test
    void noBodyAndNonJsonBody() {
        assertRejected("conversations", null, m -> m.setBody(null), "the message body is empty");
        assertRejected("conversations", null, m -> m.setBody("hello there"),
                "not a valid CreateConversation JSON object");
    }

    @Test
    void contactWithNeitherEmailNorPhone() {
        assertRejected("contacts", null, m -> m.setBody(Map.of("name", "No Way To Reach")),
                "ContactInput needs an email or a phone");
    }

    @Test
    void contactWithAnUnknownField() {
        assertRejected("contacts", null, m -> m.setBody(Map.of("email", "a@b.co", "twitter", "@a")),
                "ContactInput has no field 'twitter' (known fields: company, customData, email, name, phone)");
    }

    @Test
    void getAndUpdateWithoutAnId() {
        assertRejected("conversations", "operation=get", m -> { },
                "velaro:conversations operation get needs the id in header CamelVelaroConversationId");
        assertRejected("contacts", "operation=get", m -> m.setHeader(VelaroConstants.CONTACT_ID, " "),
                "velaro:contacts operation get needs the id in header CamelVelaroContactId");
        assertRejected("contacts", "operation=update", m -> m.setBody(Map.of("name", "x")),
                "velaro:contacts operation update needs the id in header CamelVelaroContactId");
    }

    @Test
    void updateThatChangesNothing() {
        assertRejected("contacts", "operation=update", m -> {
            m.setHeader(VelaroConstants.CONTACT_ID, "k_1");
            m.setBody(Map.of());
        }, "ContactInput for update sets no field");
    }

    @Test
    void unknownOperationHeader() {
        assertRejected("conversations", null, m -> m.setHeader(VelaroConstants.OPERATION, "update"),
                "Header CamelVelaroOperation=update is not supported by velaro:conversations; use one of create, get, list");
    }

    @Test
    void operationHeaderNeedingAnUnlistedScope() {
        assertRejected("conversations", "scopes=write:conversations",
                m -> m.setHeader(VelaroConstants.OPERATION, "list"),
                "velaro:conversations operation list needs the scope read:conversations");
    }

    @Test
    void badPagingHeaders() {
        assertRejected("contacts", "operation=list", m -> m.setHeader(VelaroConstants.PAGE, 0),
                "Header CamelVelaroPage must be 1 or more");
        assertRejected("contacts", "operation=list", m -> m.setHeader(VelaroConstants.UPDATED_SINCE, "yesterday"),
                "Header CamelVelaroUpdatedSince is not an ISO-8601 instant");
    }
}
