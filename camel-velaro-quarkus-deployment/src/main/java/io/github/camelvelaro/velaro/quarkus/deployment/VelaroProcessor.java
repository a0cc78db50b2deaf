package io.github.camelvelaro.velaro.quarkus.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The build steps of the Camel Velaro extension.
 * <p>
 * Camel Quarkus finds the component, its configurers, URI factory, type converters and {@code velaro.json} by
 * itself in every <em>application archive</em>: it walks {@code META-INF/services/org/apache/camel} and reads the
 * Jandex index. camel-velaro is one because, like Apache Camel's own component jars, it carries
 * {@code META-INF/jandex.idx}, written by the camel-component-maven-plugin; so nothing here repeats that discovery.
 * What is left is what only this extension knows: which classes Jackson binds by reflection, a resource the component
 * reads, and that it speaks HTTPS.
 */
class VelaroProcessor {

    static final String FEATURE = "camel-velaro";

    /** The package of every class Jackson reads or writes: models, the page envelope, webhook events, transcripts. */
    static final String MODEL_PACKAGE = "io.github.camelvelaro.velaro.model";

    /** Read by {@code VelaroVersion} for the User-Agent header. */
    static final String VERSION_RESOURCE = "io/github/camelvelaro/velaro/velaro-version.properties";

    private static final DotName MODEL = DotName.createSimple(MODEL_PACKAGE);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Every class of the model package, nested ones included (the custom serializers and deserializers Jackson
     * instantiates from {@code @JsonSerialize(using = ...)}), found in the index rather than listed, so that a new
     * model cannot be forgotten.
     */
    @BuildStep
    ReflectiveClassBuildItem jacksonModels(CombinedIndexBuildItem combinedIndex) {
        return ReflectiveClassBuildItem.builder(modelClasses(combinedIndex.getIndex()).toArray(String[]::new))
                .constructors().methods().fields().build();
    }

    @BuildStep
    NativeImageResourceBuildItem versionResource() {
        return new NativeImageResourceBuildItem(VERSION_RESOURCE);
    }

    /** The JDK HTTP client talks HTTPS to api.velaro.com. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem nativeSsl() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    static List<String> modelClasses(IndexView index) {
        return index.getKnownClasses().stream()
                .filter(c -> MODEL.equals(c.name().packagePrefixName()))
                .map(ClassInfo::name)
                .map(DotName::toString)
                .sorted()
                .toList();
    }
}
