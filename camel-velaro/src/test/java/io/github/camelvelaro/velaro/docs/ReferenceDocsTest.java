package io.github.camelvelaro.velaro.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference.md carries the options and headers tables rendered from velaro.json; this test fails when they
 * differ (an option added, renamed or re-described without the docs following).
 * <p>
 * To rewrite the tables: {@code ./mvnw -pl camel-velaro verify -Dtest=ReferenceDocsTest -Dvelaro.docs.write=true}.
 */
class ReferenceDocsTest {

    static final Path REFERENCE = Path.of("..", "docs", "reference.md");

    @Test
    void everyOptionAndHeaderIsDocumentedAndTheTablesMatchTheCode() throws Exception {
        ReferenceTables tables = ReferenceTables.load();
        assertThat(tables.undocumented()).as("options or headers without a description").isEmpty();

        String doc = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        String regenerated = doc;
        for (Map.Entry<String, String> block : tables.blocks().entrySet()) {
            Pattern marker = Pattern.compile("(<!-- generated:" + block.getKey() + " -->\\n)(.*?)(<!-- end:"
                                             + block.getKey() + " -->)",
                    Pattern.DOTALL);
            Matcher m = marker.matcher(regenerated);
            assertThat(m.find()).as("docs/reference.md has the markers for " + block.getKey()).isTrue();
            regenerated = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + block.getValue() + m.group(3)));
        }
        if (Boolean.getBoolean("velaro.docs.write")) {
            Files.writeString(REFERENCE, regenerated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/reference.md is out of date with velaro.json; rerun this test with "
                           + "-Dvelaro.docs.write=true to regenerate the tables")
                .isEqualTo(regenerated);
    }
}
