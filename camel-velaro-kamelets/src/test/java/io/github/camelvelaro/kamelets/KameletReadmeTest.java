package io.github.camelvelaro.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelvelaro.kamelets.KameletFiles.Kamelet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's parameter table of each kamelet against the kamelet file, so that the two cannot drift. */
class KameletReadmeTest {

    /** | `name` | yes | `default` | description | */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\| (yes)? *\\| (?:`([^`]*)`)? *\\|",
            Pattern.MULTILINE);

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
        List<String> required = new ArrayList<>();
        kamelet.yaml().path("spec").path("definition").path("required").forEach(r -> required.add(r.asText()));
        kamelet.properties().properties().forEach(entry -> expected.put(entry.getKey(),
                (required.contains(entry.getKey()) ? "yes" : "") + "|" + entry.getValue().path("default").asText("")));

        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section(kamelet.name()));
        while (row.find()) {
            documented.put(row.group(1), (row.group(2) == null ? "" : "yes") + "|"
                                         + (row.group(3) == null ? "" : row.group(3)));
        }
        assertThat(documented).as("README section of %s", kamelet.name()).isEqualTo(expected);
    }

    private static String section(String name) {
        String heading = "\n## " + name + "\n";
        int start = readme.indexOf(heading);
        assertThat(start).as("README has a section %s", name).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
