package io.github.camelvelaro.example.springboot;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application, started by Spring Boot against the sandbox: a chat request over HTTP opens a conversation in
 * the sandbox, an agent resolves it there, and the poller makes its visitor a contact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the poller must not outlive the sandbox in Spring's context cache
@DirtiesContext
class VelaroExampleApplicationTest {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    private static final String KEY = sandbox.createReadWriteKey();
    private static final Duration POLLED = Duration.ofSeconds(10);

    @Autowired
    private TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The environment variables a deployment would set; the application's own application.properties maps them onto
     * camel.component.velaro.*, so this test also proves that mapping.
     */
    @DynamicPropertySource
    static void velaroIsTheSandbox(DynamicPropertyRegistry registry) {
        registry.add("VELARO_API_KEY", () -> KEY);
        registry.add("VELARO_BASE_URL", sandbox::baseUrl);
        registry.add("velaro.example.poll-delay", () -> "250");
    }

    @Test
    void aChatRequestOpensAConversationAndItsResolutionMakesTheVisitorAContact() throws Exception {
        ResponseEntity<String> response = http.postForEntity("/api/chats", Map.of("visitorName", "Jane Doe",
                "visitorEmail", "jane@example.com", "message", "Hi, where is my order?"), String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        String id = json.readTree(response.getBody()).path("id").asText();
        assertThat(sandbox.conversations().get(id)).hasValueSatisfying(conversation -> {
            assertThat(conversation.getVisitorEmail()).isEqualTo("jane@example.com");
            assertThat(conversation.getStatus()).isEqualTo("open");
        });
        assertThat(sandbox.contacts().idByEmail("jane@example.com")).as("no contact before the chat ends").isEmpty();

        sandbox.conversations().resolve(id);

        await().atMost(POLLED).until(() -> sandbox.contacts().idByEmail("jane@example.com").isPresent());
        Contact contact = sandbox.contacts().get(sandbox.contacts().idByEmail("jane@example.com").orElseThrow())
                .orElseThrow();
        assertThat(contact.getName()).isEqualTo("Jane Doe");
    }

    @Test
    void aReturningVisitorsContactIsUpdatedNotDuplicated() throws Exception {
        ContactInput known = new ContactInput();
        known.setName("J. Smith");
        known.setEmail("john@example.com");
        String contactId = sandbox.contacts().save(known).contact().getId();

        ResponseEntity<String> response = http.postForEntity("/api/chats", Map.of("visitorName", "John Smith",
                "visitorEmail", "john@example.com", "message", "Me again"), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        sandbox.conversations().resolve(json.readTree(response.getBody()).path("id").asText());

        await().atMost(POLLED).until(() -> "John Smith".equals(sandbox.contacts().get(contactId).orElseThrow()
                .getName()));
        assertThat(sandbox.contacts().idByEmail("john@example.com")).contains(contactId);
        assertThat(sandbox.contacts().ids().stream().filter(id -> "john@example.com".equals(
                sandbox.contacts().get(id).orElseThrow().getEmail()))).hasSize(1);
    }

    @Test
    void anInvalidChatRequestIsAnswered400WithoutCallingVelaro() throws Exception {
        int posted = sandbox.journal().entries("POST", "/conversations").size();

        ResponseEntity<String> response = http.postForEntity("/api/chats",
                Map.of("visitorName", "Jane Doe", "message", " "), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsIgnoringCase("message");
        assertThat(sandbox.journal().entries("POST", "/conversations")).hasSize(posted);
    }

    @Test
    void theResponseCarriesTheConversationAsJsonAndNoneOfTheRequestHeaders() throws Exception {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Visitor-Session", "s-123");
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity("/api/chats", new org.springframework.http.HttpEntity<>(
                Map.of("visitorName", "Ann", "message", "Hello"), headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getHeaders().getContentType()).hasToString("application/json");
        assertThat(response.getHeaders()).doesNotContainKey("X-Visitor-Session");
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("visitorName").asText()).isEqualTo("Ann");
        assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }
}
