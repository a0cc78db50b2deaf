package io.github.camelvelaro.sandbox.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Classes as docs/assumptions.md names them: {@code client/VelaroClient} in the component's package
 * {@code io.github.camelvelaro.velaro}, {@code sandbox/store/ContactStore} in the sandbox's.
 */
final class CodeLocations {

    /** The comment that marks where the code holds an assumption about Velaro. */
    static final String MARKER = "ASSUMPTION";

    private final Path component;
    private final Path sandbox;

    CodeLocations(Path repository) {
        this.component = repository.resolve("camel-velaro/src/main/java/io/github/camelvelaro/velaro");
        // the sandbox's package is io.github.camelvelaro.sandbox, so "sandbox/..." resolves from its parent
        this.sandbox = repository.resolve("camel-velaro-sandbox/src/main/java/io/github/camelvelaro");
    }

    /** The source file of a class named as docs/assumptions.md names it. */
    Path source(String name) {
        return (name.startsWith("sandbox/") ? sandbox : component).resolve(name + ".java");
    }

    /** Every class of the component and the sandbox whose source carries the {@value #MARKER} comment. */
    Set<String> marked() throws IOException {
        Set<String> marked = new TreeSet<>();
        collect(component, component, marked);
        collect(sandbox.resolve("sandbox"), sandbox, marked);
        return marked;
    }

    private static void collect(Path tree, Path base, Set<String> marked) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains(MARKER)) {
                    String name = base.relativize(file).toString().replace('\\', '/');
                    marked.add(name.substring(0, name.length() - ".java".length()));
                }
            }
        }
    }
}
