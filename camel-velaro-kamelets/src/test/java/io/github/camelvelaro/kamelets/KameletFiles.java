package io.github.camelvelaro.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The kamelet files as the jar ships them: target/classes/kamelets, after resource filtering. */
record KameletFiles(List<Kamelet> kamelets) {

    static final String SUFFIX = ".kamelet.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One file: its name and its parsed content. */
    record Kamelet(String fileName, JsonNode yaml) {

        String name() {
            return yaml.path("metadata").path("name").asText();
        }

        JsonNode properties() {
            return yaml.path("spec").path("definition").path("properties");
        }

        List<String> required() {
            List<String> required = new ArrayList<>();
            yaml.path("spec").path("definition").path("required").forEach(name -> required.add(name.asText()));
            return required;
        }

        @Override
        public String toString() {
            return fileName;
        }
    }

    static KameletFiles load() {
        URL directory = KameletFiles.class.getClassLoader().getResource("kamelets");
        if (directory == null) {
            throw new IllegalStateException("no kamelets directory on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            List<Kamelet> kamelets = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(KameletFiles::read).toList();
            if (kamelets.isEmpty()) {
                throw new IllegalStateException("no *" + SUFFIX + " in " + directory);
            }
            return new KameletFiles(kamelets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Kamelet read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * One kamelet file's text. A key given twice in a mapping is refused rather than the last one silently winning
     * (a second default: or title: would hide the first).
     */
    static Kamelet parse(String fileName, String text) {
        try {
            return new Kamelet(fileName, YAML.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(fileName + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
