package io.github.camelvelaro.velaro.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.model.VelaroModel;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a Camel Quarkus application with the extension and checks what its build steps produced, and that Camel
 * Quarkus found the component and bound {@code camel.component.velaro.*} from the configuration.
 * <p>
 * The build items are recorded by an extra build step into a generated resource, which the test reads back: the
 * build runs in a class loader of its own, so a static field would not be shared.
 */
class VelaroExtensionTest {

    private static final String RECORD = "velaro-build-items.txt";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("camel.component.velaro.base-url", "http://127.0.0.1:9/v1")
            .overrideConfigKey("camel.component.velaro.rate-limit-per-minute", "7")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(context -> {
                StringBuilder out = new StringBuilder();
                context.consumeMulti(FeatureBuildItem.class)
                        .forEach(f -> out.append("feature ").append(f.getName()).append('\n'));
                context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                        .filter(r -> r.isConstructors() && r.isMethods() && r.isFields())
                        .flatMap(r -> r.getClassNames().stream())
                        .forEach(name -> out.append("reflective ").append(name).append('\n'));
                context.consumeMulti(ExtensionSslNativeSupportBuildItem.class)
                        .forEach(s -> out.append("ssl ").append(s.getExtension()).append('\n'));
                context.consumeMulti(NativeImageResourceBuildItem.class).stream()
                        .flatMap(r -> r.getResources().stream())
                        .forEach(name -> out.append("resource ").append(name).append('\n'));
                context.produce(new GeneratedResourceBuildItem(RECORD, out.toString().getBytes(StandardCharsets.UTF_8)));
            }).consumes(FeatureBuildItem.class).consumes(ReflectiveClassBuildItem.class)
                    .consumes(ExtensionSslNativeSupportBuildItem.class).consumes(NativeImageResourceBuildItem.class)
                    .produces(GeneratedResourceBuildItem.class).build());

    @Inject
    CamelContext context;

    @Test
    void everyModelClassIsRegisteredForReflection() throws Exception {
        List<String> models = modelClassesOnDisk();
        assertThat(models).as("the scan found the model package")
                .contains("io.github.camelvelaro.velaro.model.Conversation", "io.github.camelvelaro.velaro.model.VelaroPage",
                        "io.github.camelvelaro.velaro.model.VelaroEvent", "io.github.camelvelaro.velaro.model.Transcript");

        List<String> reflective = recorded("reflective");

        assertThat(reflective).containsAll(models);
    }

    @Test
    void featureNativeSslAndVersionResource() throws IOException {
        assertThat(recorded("feature")).contains("camel-velaro");
        assertThat(recorded("ssl")).contains("camel-velaro");
        assertThat(recorded("resource")).contains(VelaroProcessor.VERSION_RESOURCE);
    }

    @Test
    void camelQuarkusDiscoversTheComponentAndBindsItsProperties() {
        VelaroComponent velaro = context.getComponent("velaro", VelaroComponent.class);

        assertThat(velaro.getAccount().getBaseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(velaro.getAccount().getRateLimitPerMinute()).isEqualTo(7);
        // the generated configurers were found, so nothing is bound by reflection
        assertThat(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("velaro-component", context))
                .isNotNull();
        assertThat(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("velaro-endpoint", context))
                .isNotNull();
        // the generated type converter loader was found
        assertThat(context.getTypeConverter().convertTo(io.github.camelvelaro.velaro.model.CreateConversation.class,
                Map.of("message", "hi")).getMessage()).isEqualTo("hi");
        // velaro.json is where the runtime catalog looks for it
        assertThat(context.getClassResolver().loadResourceAsStream(
                "META-INF/io/github/camelvelaro/velaro/velaro.json")).isNotNull();
    }

    private static List<String> recorded(String kind) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RECORD)) {
            assertThat(in).as(RECORD).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith(kind + " "))
                    .map(line -> line.substring(kind.length() + 1))
                    .toList();
        }
    }

    /** Every class file of the model package in camel-velaro's jar or classes folder, nested classes included. */
    private static List<String> modelClassesOnDisk() throws IOException, URISyntaxException {
        URI location = VelaroModel.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        if (Files.isDirectory(root)) {
            return modelClassesUnder(root);
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return modelClassesUnder(jar.getPath("/"));
        }
    }

    private static List<String> modelClassesUnder(Path root) throws IOException {
        String pkg = VelaroProcessor.MODEL_PACKAGE;
        Path dir = root.resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> pkg + "." + name.substring(0, name.length() - ".class".length()))
                    .sorted()
                    .toList();
        }
    }
}
