package io.github.camelvelaro.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The kamelet files as the jar ships them: target/classes/kamelets, after resource filtering. */
record KameletFiles(List<Kamelet> kamelets) {

    static final String SUFFIX = ".kamelet.yaml";

    /** One file: its name and its parsed content. */
    record Kamelet(String fileName, JsonNode yaml) {

        String name() {
            return yaml.path("metadata").path("name").asText();
        }

        JsonNode properties() {
            return yaml.path("spec").path("definition").path("properties");
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
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            List<Kamelet> kamelets = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(file -> new Kamelet(file.getFileName().toString(), read(yaml, file))).toList();
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

    private static JsonNode read(ObjectMapper yaml, Path file) {
        try {
            return yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
