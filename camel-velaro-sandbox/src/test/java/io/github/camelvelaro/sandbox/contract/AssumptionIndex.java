package io.github.camelvelaro.sandbox.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of docs/assumptions.md: table rows {@code | `id` | assumption | `where`, ... |} under {@code ## }
 * section headings, where is the class that holds the assumption ({@link CodeLocations}).
 */
final class AssumptionIndex {

    /** An entry: its id, the heading of its section and the classes that hold it. */
    record Entry(String id, String section, List<String> where) {
    }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|.*\\|([^|]*)\\|\\s*$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final Map<String, Entry> entries;

    private AssumptionIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static AssumptionIndex read(Path file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                List<String> where = new ArrayList<>();
                Matcher code = CODE.matcher(row.group(2));
                while (code.find()) {
                    where.add(code.group(1));
                }
                Entry previous = entries.put(row.group(1), new Entry(row.group(1), section, where));
                if (previous != null) {
                    throw new IllegalStateException(file + " has two entries " + row.group(1));
                }
            }
        }
        return new AssumptionIndex(entries);
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The ids of the entries under this heading. */
    Set<String> idsIn(String section) {
        Set<String> ids = new LinkedHashSet<>();
        entries.values().stream().filter(e -> e.section().equals(section)).forEach(e -> ids.add(e.id()));
        return ids;
    }

    /** Every class some entry names. */
    Set<String> classes() {
        Set<String> classes = new LinkedHashSet<>();
        entries.values().forEach(e -> classes.addAll(e.where()));
        return classes;
    }
}
