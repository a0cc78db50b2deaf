package io.github.camelvelaro.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelvelaro.kamelets.KameletCatalogRules.Rule;
import io.github.camelvelaro.kamelets.KameletFiles.Kamelet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's parameter table of each kamelet and its list of catalog rules, checked against the code. */
class KameletReadmeTest {

    /** | `name` | yes | `default` | description | */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\| (yes)? *\\| (?:`([^`]*)`)? *\\|",
            Pattern.MULTILINE);
    /** | `rule` | origin | what it checks | */
    private static final Pattern RULE_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| ([^|]+?) \\|", Pattern.MULTILINE);
    private static final Pattern NEXT_HEADING = Pattern.compile("^#{2,3} ", Pattern.MULTILINE);

    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(Path.of(System.getProperty("kamelets.readme")));
    }

    static Stream<Kamelet> kamelets() {
        return KameletFiles.load().kamelets().stream();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void tableListsExactlyTheParametersWithTheirRequirementAndDefault(Kamelet kamelet) {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> required = kamelet.required();
        kamelet.properties().properties().forEach(entry -> expected.put(entry.getKey(),
                (required.contains(entry.getKey()) ? "yes" : "") + "|" + entry.getValue().path("default").asText("")));

        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section("## " + kamelet.name()));
        while (row.find()) {
            documented.put(row.group(1), (row.group(2) == null ? "" : "yes") + "|"
                                         + (row.group(3) == null ? "" : row.group(3)));
        }
        assertThat(documented).as("README section of %s", kamelet.name()).isEqualTo(expected);
    }

    /** The "Rules checked" table lists each rule the catalog test applies, with where it comes from, and no other. */
    @Test
    void listsEveryCatalogRuleWithItsOrigin() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (Rule rule : Rule.values()) {
            expected.put(rule.id(), rule.origin());
        }
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = RULE_ROW.matcher(section("### Rules checked"));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented).isEqualTo(expected);
    }

    /** From the heading to the next heading. */
    private static String section(String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has a section %s", heading).isNotNegative();
        Matcher next = NEXT_HEADING.matcher(readme);
        int end = next.find(start + heading.length() + 2) ? next.start() : readme.length();
        return readme.substring(start, end);
    }
}
