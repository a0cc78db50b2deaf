package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.sandbox.limits.LimitSettings;
import io.github.camelvelaro.velaro.client.VelaroScope;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every kind of response the sandbox gives (each operation with each status the description documents for it, 429
 * included) is checked against the project's description of Velaro's REST API, {@code docs/openapi/velaro-api.yaml},
 * with the Atlassian swagger-request-validator.
 */
class SandboxConformanceTest {

    /** Where surefire says the description is (the pom passes {@code velaro.openapi}). */
    static final String SPEC_PROPERTY = "velaro.openapi";

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    static OpenApiInteractionValidator validator;

    private ApiCalls api;
    private String key;
    private String conversationId;
    private String contactId;

    /** An operation of the contract, with a valid and an invalid way to call it. */
    enum Operation {
        LIST_CONVERSATIONS("GET", "/conversations", null, "?pageSize=0", null),
        CREATE_CONVERSATION("POST", "/conversations", "{\"message\":\"hi\",\"visitorName\":\"Jane\"}", "", "{\"message\":\"\"}"),
        GET_CONVERSATION("GET", "/conversations/{id}", null, null, null),
        LIST_CONTACTS("GET", "/contacts", null, "?updatedSince=yesterday", null),
        CREATE_CONTACT("POST", "/contacts", "{\"email\":\"new@example.com\",\"name\":\"New\"}", "", "{\"name\":\"Nobody\"}"),
        GET_CONTACT("GET", "/contacts/{id}", null, null, null),
        UPDATE_CONTACT("PATCH", "/contacts/{id}", "{\"company\":\"Globex\"}", "", "{\"vip\":true}");

        final String method;
        final String path;
        final String body;
        final String invalidQuery;
        final String invalidBody;

        Operation(String method, String path, String body, String invalidQuery, String invalidBody) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.invalidQuery = invalidQuery;
            this.invalidBody = invalidBody;
        }

        boolean onItem() {
            return path.contains("{id}");
        }

        boolean canBeInvalid() {
            return invalidQuery != null;
        }
    }

    @BeforeAll
    static void loadTheContract() {
        String location = System.getProperty(SPEC_PROPERTY);
        if (location == null) {
            fail("System property " + SPEC_PROPERTY + " is not set: run the tests with Maven (the module pom sets it to "
                 + "docs/openapi/velaro-api.yaml in the repository)");
        }
        Path spec = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isRegularFile(spec)) {
            fail("The description of Velaro's REST API is missing: expected " + spec + " (docs/openapi/velaro-api.yaml "
                 + "in the repository). The conformance test cannot run without it.");
        }
        validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString()).build();
    }

    @BeforeEach
    void setUp() {
        sandbox.reset();
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS);
        api = new ApiCalls(sandbox.baseUrl());
        key = sandbox.createReadWriteKey();
        conversationId = sandbox.conversations().create(new CreateConversation("seeded")).getId();
        ContactInput contact = new ContactInput();
        contact.setEmail("jane@example.com");
        contact.setCustomData(java.util.Map.of("tier", "gold"));
        contactId = sandbox.contacts().save(contact).contact().getId();
    }

    static Stream<Arguments> documentedResponses() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : Operation.values()) {
            cases.add(Arguments.of(op, op.method.equals("POST") ? 201 : 200));
            if (op.canBeInvalid()) {
                cases.add(Arguments.of(op, 400));
            }
            cases.add(Arguments.of(op, 401));
            cases.add(Arguments.of(op, 403));
            if (op.onItem()) {
                cases.add(Arguments.of(op, 404));
            }
            cases.add(Arguments.of(op, 429));
            cases.add(Arguments.of(op, 500));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documentedResponses")
    void everyDocumentedResponseConformsToTheContract(Operation op, int status) throws IOException {
        HttpResponse<String> response = provoke(op, status);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertConforms(op, response);
    }

    @Test
    void aCreateThatMatchesAnExistingContactAnswers200AndConforms() throws IOException {
        HttpResponse<String> response = api.post("/contacts", key, "{\"email\":\"JANE@example.com\",\"phone\":\"+1555\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertConforms(Operation.CREATE_CONTACT, response);
    }

    @Test
    void listsWithDataConform() throws IOException {
        sandbox.activity().tick(40);

        assertConforms(Operation.LIST_CONVERSATIONS, api.get("/conversations?pageSize=100", key));
        assertConforms(Operation.LIST_CONTACTS, api.get("/contacts?pageSize=100", key));
    }

    @Test
    void theValidatorWouldCatchADeviation() {
        // a negative control: without it, a validator that matched nothing would pass everything
        SimpleResponse missingId = SimpleResponse.Builder.status(200).withContentType("application/json")
                .withBody("{\"status\":\"open\",\"createdAt\":\"2026-03-10T10:00:00Z\"}").build();
        SimpleResponse undocumented = SimpleResponse.Builder.status(418).withContentType("application/json")
                .withBody("{}").build();
        SimpleResponse badHeader = SimpleResponse.Builder.status(200).withContentType("application/json")
                .withHeader("X-RateLimit-Reset", "soon")
                .withBody("{\"data\":[],\"page\":1,\"pageSize\":25,\"hasMore\":false}").build();

        assertThat(validator.validateResponse("/v1/conversations/c1", Request.Method.GET, missingId).hasErrors()).isTrue();
        assertThat(validator.validateResponse("/v1/contacts", Request.Method.GET, undocumented).hasErrors()).isTrue();
        assertThat(validator.validateResponse("/v1/conversations", Request.Method.GET, badHeader).hasErrors()).isTrue();
    }

    private HttpResponse<String> provoke(Operation op, int status) throws IOException {
        String path = op.path.replace("{id}", op.path.startsWith("/conversations") ? conversationId : contactId);
        return switch (status) {
            case 200, 201 -> api.send(op.method, path, key, op.body);
            case 400 -> api.send(op.method, path + op.invalidQuery, key, op.invalidBody);
            case 401 -> api.trySend(op.method, path, null, op.body);
            case 403 -> api.send(op.method, path, sandbox.createKey(), op.body);
            case 404 -> api.send(op.method, op.path.replace("{id}", "nope_1"), key, op.body);
            case 429 -> {
                sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withPerMinute(1).withPerMonth(100));
                String limited = sandbox.createKey(VelaroScope.values());
                api.get("/conversations", limited);
                yield api.send(op.method, path, limited, op.body);
            }
            case 500 -> {
                sandbox.faults().nextRequest().status(500);
                yield api.send(op.method, path, key, op.body);
            }
            default -> throw new IllegalArgumentException("no way to provoke " + status);
        };
    }

    private static void assertConforms(Operation op, HttpResponse<String> response) {
        SimpleResponse.Builder built = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().map().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                built.withContentType(values.get(0));
            } else {
                built.withHeader(name, values);
            }
        });
        String path = "/v1" + op.path.replace("{id}", "any_1");
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(op.method), built.build());

        assertThat(report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList()).as("%s %s answered %s: %s", op.method, path, response.statusCode(),
                response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
        assertThat(response.headers().firstValue("Date")).isPresent();
    }
}
