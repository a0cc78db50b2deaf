package io.github.camelvelaro.sandbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.VelaroJson;
import io.github.camelvelaro.velaro.model.VelaroPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxConversationsApiTest extends FrozenSiteTest {

    static final String GUIDE_EXAMPLE = """
            {"visitorName":"Jane Doe","visitorEmail":"jane@example.com","channel":"web",
             "message":"Hi, I have a question about my order","customData":{"orderId":"12345"}}""";

    @Test
    void createAnswers201WithAnOpenConversationStampedByTheSandboxClock() {
        HttpResponse<String> response = api.post("/conversations", key, GUIDE_EXAMPLE);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Date"))
                .hasValue(DateTimeFormatter.RFC_1123_DATE_TIME.format(T0.atZone(ZoneOffset.UTC)));
        Conversation c = ApiCalls.as(response, Conversation.class);
        assertThat(c.getId()).startsWith("conv_");
        assertThat(c.getStatus()).isEqualTo("open");
        assertThat(c.getChannel()).isEqualTo("web");
        assertThat(c.getVisitorName()).isEqualTo("Jane Doe");
        assertThat(c.getVisitorEmail()).isEqualTo("jane@example.com");
        assertThat(c.getCustomData()).containsEntry("orderId", "12345");
        assertThat(c.getCreatedAt()).isEqualTo(T0);
        assertThat(c.getUpdatedAt()).isEqualTo(T0);
        assertThat(c.getResolvedAt()).isNull();
        assertThat(c.getAssignedAgent()).isNull();
    }

    @Test
    void channelDefaultsToWebAndAKnownVisitorEmailLinksTheContact() {
        ContactInput jane = new ContactInput();
        jane.setEmail("Jane@Example.com");
        String contactId = sandbox.contacts().save(jane).contact().getId();

        Conversation c = ApiCalls.as(api.post("/conversations", key,
                "{\"message\":\"hello\",\"visitorEmail\":\"jane@example.com\"}"), Conversation.class);

        assertThat(c.getChannel()).isEqualTo("web");
        assertThat(c.getContactId()).isEqualTo(contactId);
    }

    @Test
    void getReturnsWhatCreateReturnedAndUnknownIdsAre404() {
        Conversation created = ApiCalls.as(api.post("/conversations", key, GUIDE_EXAMPLE), Conversation.class);

        HttpResponse<String> found = api.get("/conversations/" + created.getId(), key);
        HttpResponse<String> missing = api.get("/conversations/conv_doesNotExist", key);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(ApiCalls.json(found)).isEqualTo(VelaroJson.mapper().valueToTree(created));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ApiCalls.errorCode(missing)).isEqualTo("not_found");
        assertThat(ApiCalls.errorMessage(missing)).contains("conv_doesNotExist");
    }

    @Test
    void listIsOrderedByUpdatedAtThenIdAndPaged() {
        List<Conversation> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two at each instant: ties are broken by id
            if (i % 2 == 0) {
                sandbox.clock().advance(Duration.ofSeconds(1));
            }
            created.add(ApiCalls.as(api.post("/conversations", key, "{\"message\":\"m" + i + "\"}"), Conversation.class));
        }
        // an older conversation that changes moves to the end
        sandbox.clock().advance(Duration.ofSeconds(1));
        sandbox.conversations().assign(created.get(0).getId(), "Alex");
        List<Conversation> expected = created.stream().map(c -> sandbox.conversations().get(c.getId()).orElseThrow())
                .sorted(Comparator.comparing(Conversation::getUpdatedAt).thenComparing(Conversation::getId)).toList();
        assertThat(expected.get(4).getId()).isEqualTo(created.get(0).getId());

        VelaroPage<Conversation> p1 = ApiCalls.conversationPage(api.get("/conversations?page=1&pageSize=2", key));
        VelaroPage<Conversation> p2 = ApiCalls.conversationPage(api.get("/conversations?page=2&pageSize=2", key));
        VelaroPage<Conversation> p3 = ApiCalls.conversationPage(api.get("/conversations?page=3&pageSize=2", key));
        VelaroPage<Conversation> p4 = ApiCalls.conversationPage(api.get("/conversations?page=4&pageSize=2", key));

        List<String> walked = new ArrayList<>();
        List.of(p1, p2, p3).forEach(p -> p.getData().forEach(c -> walked.add(c.getId())));
        assertThat(walked).containsExactlyElementsOf(expected.stream().map(Conversation::getId).toList());
        assertThat(List.of(p1.hasMore(), p2.hasMore(), p3.hasMore(), p4.hasMore())).containsExactly(true, true, false, false);
        assertThat(p1.getTotalCount()).isEqualTo(5);
        assertThat(p1.getPageSize()).isEqualTo(2);
        assertThat(p3.getPage()).isEqualTo(3);
        assertThat(p4.getData()).isEmpty();
    }

    @Test
    void pageSizeDefaultsTo25() {
        for (int i = 0; i < 30; i++) {
            sandbox.conversations().create(new CreateConversation("m" + i));
        }
        VelaroPage<Conversation> page = ApiCalls.conversationPage(api.get("/conversations", key));
        assertThat(page.getData()).hasSize(25);
        assertThat(page.getPageSize()).isEqualTo(25);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void updatedSinceIsInclusiveAndStatusFilters() {
        Conversation first = sandbox.conversations().create(new CreateConversation("first"));
        sandbox.clock().advance(Duration.ofMinutes(1));
        Conversation second = sandbox.conversations().create(new CreateConversation("second"));
        sandbox.clock().advance(Duration.ofMinutes(1));
        sandbox.conversations().assign(first.getId(), "Alex");
        Conversation resolved = sandbox.conversations().resolve(first.getId());

        assertThat(ApiCalls.ids(api.get("/conversations?updatedSince=" + second.getUpdatedAt(), key)))
                .containsExactly(second.getId(), first.getId());
        assertThat(ApiCalls.ids(api.get("/conversations?updatedSince=" + resolved.getUpdatedAt(), key)))
                .containsExactly(first.getId());
        assertThat(ApiCalls.ids(api.get("/conversations?updatedSince=" + resolved.getUpdatedAt().plusMillis(1), key))).isEmpty();
        // any offset is accepted
        assertThat(ApiCalls.ids(api.get("/conversations?updatedSince=2026-03-10T11:00:30%2B01:00", key)))
                .containsExactly(second.getId(), first.getId());
        assertThat(ApiCalls.ids(api.get("/conversations?status=resolved", key))).containsExactly(first.getId());
        assertThat(ApiCalls.ids(api.get("/conversations?status=open", key))).containsExactly(second.getId());
        assertThat(ApiCalls.ids(api.get("/conversations?status=missed", key))).isEmpty();
    }

    @Test
    void everyChangeMovesUpdatedAtStrictlyEvenWhenTheClockStandsStill() {
        Conversation created = sandbox.conversations().create(new CreateConversation("hello"));
        Conversation assigned = sandbox.conversations().assign(created.getId(), "Alex");
        Conversation resolved = sandbox.conversations().resolve(created.getId());

        assertThat(created.getUpdatedAt()).isEqualTo(T0);
        assertThat(assigned.getUpdatedAt()).isEqualTo(T0.plusMillis(1));
        assertThat(assigned.getAssignedAgent()).isEqualTo("Alex");
        assertThat(resolved.getUpdatedAt()).isEqualTo(T0.plusMillis(2));
        assertThat(resolved.getResolvedAt()).isEqualTo(resolved.getUpdatedAt());
        assertThat(resolved.getStatus()).isEqualTo("resolved");
        assertThat(resolved.getCreatedAt()).isEqualTo(T0);

        sandbox.clock().advance(Duration.ofHours(1));
        Conversation other = sandbox.conversations().create(new CreateConversation("later"));
        assertThat(sandbox.conversations().miss(other.getId()).getUpdatedAt()).isEqualTo(T0.plus(Duration.ofHours(1))
                .plusMillis(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no message          | {\"visitorName\":\"Jane\"}                          | message is required",
            "empty message       | {\"message\":\"\"}                                   | message must not be empty",
            "message not a text  | {\"message\":5}                                      | message must be a string",
            "null visitorName    | {\"message\":\"hi\",\"visitorName\":null}             | visitorName must be a string",
            "invalid email       | {\"message\":\"hi\",\"visitorEmail\":\"jane\"}        | visitorEmail is not a valid email address",
            "customData array    | {\"message\":\"hi\",\"customData\":[1]}               | customData must be a JSON object",
            "not JSON            | {message:                                            | not valid JSON",
            "an array            | []                                                   | must be a JSON object" })
    void invalidBodiesAre400WithTheContractsErrorBody(String name, String body, String message) {
        HttpResponse<String> response = api.post("/conversations", key, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.errorMessage(response)).contains(message);
        assertThat(ApiCalls.errorCode(response)).isIn("invalid_request", "invalid_json");
        assertThat(sandbox.conversations().size()).isZero();
    }

    @Test
    void lengthsAreCheckedAtTheirLimits() {
        assertThat(api.post("/conversations", key, "{\"message\":\"" + "x".repeat(10_000) + "\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> tooLong = api.post("/conversations", key, "{\"message\":\"" + "x".repeat(10_001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.errorMessage(tooLong)).contains("message is 10001 characters long; at most 10000");
        assertThat(api.post("/conversations", key,
                "{\"message\":\"hi\",\"visitorName\":\"" + "n".repeat(201) + "\"}").statusCode()).isEqualTo(400);
        assertThat(api.post("/conversations", key,
                "{\"message\":\"hi\",\"visitorName\":\"" + "n".repeat(200) + "\"}").statusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "page=0            | page must be 1 or more",
            "page=two          | page must be an integer",
            "pageSize=0        | pageSize must be between 1 and 100",
            "pageSize=101      | pageSize must be between 1 and 100",
            "updatedSince=yesterday | updatedSince must be an ISO-8601 date-time",
            "status=closed     | status must be one of open, resolved, missed, abandoned",
            "status=OPEN       | status must be one of" })
    void invalidListParametersAre400(String query, String message) {
        HttpResponse<String> response = api.get("/conversations?" + query, key);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.errorMessage(response)).contains(message);
    }

    @Test
    void unknownPathsAre404AndUnsupportedMethods405() {
        assertThat(api.get("/agents", key).statusCode()).isEqualTo(404);
        assertThat(api.get("/conversations/a/b", key).statusCode()).isEqualTo(404);
        HttpResponse<String> delete = api.send("DELETE", "/conversations/conv_1", key, null);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(ApiCalls.errorMessage(delete)).contains("use GET");
        assertThat(api.patch("/conversations/conv_1", key, "{}").statusCode()).isEqualTo(405);
    }
}
