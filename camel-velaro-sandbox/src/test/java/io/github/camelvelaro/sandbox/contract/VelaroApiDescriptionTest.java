package io.github.camelvelaro.sandbox.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.ConversationStatus;
import io.github.camelvelaro.velaro.model.EpochNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi/velaro-api.yaml marks each of its parts as documented by Velaro's guide or assumed, and names the
 * entries of docs/assumptions.md behind the assumed ones; docs/assumptions.md names the classes that hold them. These
 * tests keep the three in step.
 */
class VelaroApiDescriptionTest {

    /** Surefire runs in the module's directory. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path DESCRIPTION = REPOSITORY.resolve("docs/openapi/velaro-api.yaml");
    static final Path ASSUMPTIONS = REPOSITORY.resolve("docs/assumptions.md");
    /** The heading of docs/assumptions.md whose entries are about the REST API. */
    static final String REST_API = "The REST API";

    static ApiDescription description;
    static AssumptionIndex index;

    @BeforeAll
    static void read() throws IOException {
        description = new ApiDescription(ApiDescription.parse(DESCRIPTION));
        index = AssumptionIndex.read(ASSUMPTIONS);
    }

    @Test
    void everyPartSaysWhetherTheGuideDocumentsIt() {
        assertThat(description.parts()).as("the parts found (a walk that found none would pass anything)")
                .contains("/servers/0", "/paths/~1contacts~1{contactId}", "/paths/~1contacts~1{contactId}/patch",
                        "/paths/~1conversations/post/responses/201", "/components/parameters/UpdatedSince",
                        "/components/headers/RateLimitReset", "/components/headers/RetryAfter",
                        "/components/headers/RateLimitRemainingMonth", "/components/responses/TooManyRequests",
                        "/components/schemas/ConversationPage", "/components/schemas/Error",
                        "/components/securitySchemes/bearerKey");

        assertThat(description.markerProblems()).as(DESCRIPTION.toString()).isEmpty();
    }

    @Test
    void aMissingOrWrongMarkerIsFound() throws IOException {
        JsonNode tree = ApiDescription.parse(DESCRIPTION);
        ((ObjectNode) tree.at("/paths/~1contacts/get")).remove(ApiDescription.SOURCE);
        ((ObjectNode) tree.at("/components/headers/RetryAfter")).remove(ApiDescription.ASSUMPTION);
        ((ObjectNode) tree.at("/components/schemas/Error")).put(ApiDescription.SOURCE, "folklore");
        ((ObjectNode) tree.at("/paths/~1conversations/get/responses/200")).remove(ApiDescription.SOURCE);

        List<String> before = description.markerProblems();
        List<String> after = new ApiDescription(tree).markerProblems();

        assertThat(after).filteredOn(p -> !before.contains(p)).containsExactlyInAnyOrder(
                "/paths/~1contacts/get: no x-source (guide or assumed)",
                "/paths/~1conversations/get/responses/200: no x-source (guide or assumed)",
                "/components/headers/RetryAfter: assumed, but names no x-assumption",
                "/components/schemas/Error: x-source is 'folklore', not guide or assumed");
    }

    @Test
    void everyAssumptionTheDescriptionNamesIsARestApiEntryOfTheIndex() {
        Set<String> unknown = new TreeSet<>(description.namedAssumptions().keySet());
        unknown.removeAll(index.idsIn(REST_API));

        assertThat(unknown).as("x-assumption ids of %s that are not entries under '## %s' of %s", DESCRIPTION, REST_API,
                ASSUMPTIONS).isEmpty();
    }

    @Test
    void everyRestApiEntryOfTheIndexIsNamedByTheDescription() {
        Set<String> unnamed = new TreeSet<>(index.idsIn(REST_API));
        unnamed.removeAll(description.namedAssumptions().keySet());

        assertThat(index.idsIn(REST_API)).hasSizeGreaterThan(10);
        assertThat(unnamed).as("entries under '## %s' of %s that no x-assumption of %s names", REST_API, ASSUMPTIONS,
                DESCRIPTION).isEmpty();
    }

    @Test
    void everyClassTheIndexNamesExists() {
        CodeLocations code = new CodeLocations(REPOSITORY);
        List<String> missing = new ArrayList<>();
        for (AssumptionIndex.Entry entry : index.entries()) {
            assertThat(entry.where()).as("the classes of entry %s", entry.id()).isNotEmpty();
            entry.where().stream().filter(c -> !Files.isRegularFile(code.source(c)))
                    .forEach(c -> missing.add(entry.id() + ": " + c + " (" + code.source(c) + ")"));
        }

        assertThat(missing).as("classes named by %s that do not exist", ASSUMPTIONS).isEmpty();
    }

    @Test
    void everyAssumptionCommentInTheCodeIsIndexed() throws IOException {
        Set<String> marked = new CodeLocations(REPOSITORY).marked();
        Set<String> unindexed = new TreeSet<>(marked);
        unindexed.removeAll(index.classes());

        assertThat(marked).contains("model/EpochNumber", "client/RateLimitHeaders", "sandbox/store/ContactStore");
        assertThat(unindexed).as("classes with an %s comment that %s does not name", CodeLocations.MARKER, ASSUMPTIONS)
                .isEmpty();
    }

    @Test
    void theFiguresOfTheDescriptionAreTheCodes() {
        String threshold = String.format(Locale.ROOT, "%,d", EpochNumber.MILLIS_THRESHOLD);
        assertThat(description.at("/components/headers/RateLimitReset/description").asText()).contains(threshold);
        assertThat(description.at("/components/schemas/Timestamp/description").asText()).contains(threshold);

        assertThat(description.at("/components/parameters/PageSize/schema/maximum").asInt())
                .isEqualTo(ListQuery.MAX_PAGE_SIZE);

        List<String> statuses = new ArrayList<>();
        description.at("/components/schemas/ConversationStatus/enum").forEach(s -> statuses.add(s.asText()));
        assertThat(statuses).containsExactlyElementsOf(
                Arrays.stream(ConversationStatus.values()).map(ConversationStatus::wireValue).toList());

        assertThat(description.at("/components/securitySchemes/bearerKey/description").asText())
                .contains("`" + ApiKey.PREFIX + "`", ApiKey.LENGTH + " characters");
    }
}
