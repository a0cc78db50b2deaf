package io.github.camelvelaro.kamelets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The property placeholders a kamelet template uses, read from its string values as Camel resolves them. */
final class TemplatePlaceholders {

    /** {{name}}, {{?name}} (optional) or {{name:default}}, with the name characters the catalog allows. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9._-]+)(:[^}]*)?}}");

    /** One use of a placeholder; {@code absentIsFine} when Camel resolves it without the property being set. */
    record Placeholder(String name, boolean absentIsFine) {
    }

    private TemplatePlaceholders() {
    }

    static List<Placeholder> in(JsonNode template) {
        List<Placeholder> found = new ArrayList<>();
        eachString(template, text -> {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                found.add(new Placeholder(placeholder.group(2),
                        placeholder.group(1) != null || placeholder.group(3) != null));
            }
        });
        return found;
    }

    /** Every string value under node, at any depth (keys are not values and are skipped). */
    static void eachString(JsonNode node, Consumer<String> action) {
        if (node.isTextual()) {
            action.accept(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> eachString(child, action));
        }
    }
}
