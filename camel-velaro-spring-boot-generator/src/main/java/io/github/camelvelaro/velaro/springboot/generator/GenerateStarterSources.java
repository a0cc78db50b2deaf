package io.github.camelvelaro.velaro.springboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The build step of the starter (exec-maven-plugin, generate-sources): reads velaro.json from the classpath (the
 * camel-velaro jar) and writes the starter's configuration class under the directory given as the one argument.
 */
public final class GenerateStarterSources {

    private GenerateStarterSources() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateStarterSources <output source directory>");
        }
        List<ComponentOption> options;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(VelaroJson.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VelaroJson.RESOURCE + " is not on the classpath (camel-velaro's jar)");
            }
            options = VelaroJson.componentOptions(in);
        }
        new StarterConfigurationGenerator().generate(options).writeTo(Path.of(args[0]));
    }
}
