package io.github.camelvelaro.velaro.springboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The build step of the starter (exec-maven-plugin, generate-sources): reads velaro.json from the classpath (the
 * camel-velaro jar) and writes the starter's generated classes under the directory given as the one argument.
 */
public final class GenerateStarterSources {

    private GenerateStarterSources() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateStarterSources <output source directory>");
        }
        VelaroJson velaroJson;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(VelaroJson.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VelaroJson.RESOURCE + " is not on the classpath (camel-velaro's jar)");
            }
            velaroJson = VelaroJson.read(in);
        }
        Path out = Path.of(args[0]);
        StarterConfigurationGenerator generator = new StarterConfigurationGenerator();
        generator.configuration(velaroJson.componentOptions()).writeTo(out);
        generator.optionLists(velaroJson).writeTo(out);
    }
}
