package io.github.camelvelaro.velaro.springboot.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;

/**
 * Writes the starter's generated classes from velaro.json: {@code VelaroComponentConfiguration}, one boxed field per
 * component option with the option's description as its Javadoc (spring-boot-configuration-processor turns that into
 * the IDE help text) and the option's default; and {@code VelaroOptions}, what else the starter would otherwise list
 * by hand (the bean types its converter binds, the secret options its actuator sanitizer masks). Options Camel
 * autowires (type object and autowired) are left out: Camel sets them from the one bean of their type.
 */
public final class StarterConfigurationGenerator {

    public static final String PACKAGE = "io.github.camelvelaro.velaro.springboot";
    public static final String CLASS_NAME = "VelaroComponentConfiguration";
    public static final String OPTIONS_CLASS_NAME = "VelaroOptions";
    public static final String PREFIX = "camel.component.velaro";

    private static final ClassName CONFIGURATION_PROPERTIES =
            ClassName.get("org.springframework.boot.context.properties", "ConfigurationProperties");
    private static final ClassName COMPONENT_PROPERTIES_COMMON =
            ClassName.get("org.apache.camel.spring.boot", "ComponentConfigurationPropertiesCommon");
    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName BOOLEAN = ClassName.get(Boolean.class);
    private static final ClassName INTEGER = ClassName.get(Integer.class);
    private static final ClassName LONG = ClassName.get(Long.class);
    private static final ClassName DOUBLE = ClassName.get(Double.class);
    private static final ClassName FLOAT = ClassName.get(Float.class);

    /** The configuration class for these component options (in their order); fails naming an option it cannot map. */
    public JavaFile configuration(List<ComponentOption> options) {
        TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
                .addModifiers(Modifier.PUBLIC)
                .superclass(COMPONENT_PROPERTIES_COMMON)
                .addAnnotation(AnnotationSpec.builder(CONFIGURATION_PROPERTIES)
                        .addMember("prefix", "$L", CLASS_NAME + ".PREFIX").build())
                .addJavadoc("""
                        The {@code $L.*} properties: the Velaro component's options, copied onto the component when
                        Camel creates it. Generated at build time from the component's velaro.json by
                        camel-velaro-spring-boot-generator: change the component's option, not this file. The field
                        comments become the IDE help text (spring-configuration-metadata.json), and the defaults are
                        the component's own.
                        <p>
                        Options are boxed: Camel's helper copies only non-null values, and a property can be bound
                        back to null. {@code enabled} and {@code customizer.enabled} are inherited; their help text is
                        in additional-spring-configuration-metadata.json.
                        """, PREFIX)
                .addField(FieldSpec.builder(STRING, "PREFIX", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", PREFIX).build());
        List<FieldSpec> fields = new ArrayList<>();
        List<MethodSpec> accessors = new ArrayList<>();
        for (ComponentOption option : options) {
            if (option.isAutowiredBean()) {
                continue;
            }
            TypeName fieldType = fieldType(option);
            FieldSpec.Builder field = FieldSpec.builder(fieldType, option.name(), Modifier.PRIVATE)
                    .addJavadoc("$L\n", javadoc(option));
            CodeBlock initializer = initializer(option, fieldType);
            if (initializer != null) {
                field.initializer(initializer);
            }
            fields.add(field.build());
            accessors.add(MethodSpec.methodBuilder("get" + capitalized(option.name()))
                    .addModifiers(Modifier.PUBLIC).returns(fieldType)
                    .addStatement("return $N", option.name()).build());
            accessors.add(MethodSpec.methodBuilder("set" + capitalized(option.name()))
                    .addModifiers(Modifier.PUBLIC).addParameter(fieldType, option.name())
                    .addStatement("this.$N = $N", option.name(), option.name()).build());
        }
        type.addFields(fields).addMethods(accessors);
        return javaFile(type.build());
    }

    /**
     * {@code VelaroOptions}: the types of the component's bean options, which VelaroComponentConverter binds from a
     * reference, and the names of the secret options of the component and its endpoints, sorted.
     */
    public JavaFile optionLists(VelaroJson velaroJson) {
        CodeBlock beanTypes = velaroJson.componentOptions().stream()
                .filter(option -> option.isBeanReference() && !option.isAutowiredBean())
                .map(option -> CodeBlock.of("$T.class", fieldType(option)))
                .collect(CodeBlock.joining(", "));
        CodeBlock secrets = Stream.concat(velaroJson.componentOptions().stream(), velaroJson.endpointOptions().stream())
                .filter(ComponentOption::secret).map(ComponentOption::name).distinct().sorted()
                .map(name -> CodeBlock.of("$S", name))
                .collect(CodeBlock.joining(", "));
        TypeName classOfAny = ParameterizedTypeName.get(ClassName.get(Class.class),
                WildcardTypeName.subtypeOf(Object.class));
        return javaFile(TypeSpec.classBuilder(OPTIONS_CLASS_NAME)
                .addModifiers(Modifier.FINAL)
                .addJavadoc("""
                        What the starter needs to know of the component's options besides the properties. Generated at
                        build time from the component's velaro.json by camel-velaro-spring-boot-generator.
                        """)
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), classOfAny),
                                "BEAN_REFERENCE_TYPES", Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The types of the bean options, which VelaroComponentConverter binds from"
                                    + " {@code #bean:name}.\n")
                        .initializer("$T.of($L)", List.class, beanTypes).build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "SECRET_OPTIONS",
                                Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The options of the component and its endpoints that hold a secret, sorted.\n")
                        .initializer("$T.of($L)", List.class, secrets).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build());
    }

    private static JavaFile javaFile(TypeSpec type) {
        return JavaFile.builder(PACKAGE, type).skipJavaLangImports(true).indent("    ").build();
    }

    private static TypeName fieldType(ComponentOption option) {
        String javaType = option.javaType();
        return switch (option.type()) {
            case "string" -> STRING;
            case "boolean" -> BOOLEAN;
            case "integer" -> switch (javaType) {
                case "int", "java.lang.Integer" -> INTEGER;
                case "long", "java.lang.Long" -> LONG;
                default -> throw unmapped(option);
            };
            case "number" -> switch (javaType) {
                case "double", "java.lang.Double" -> DOUBLE;
                case "float", "java.lang.Float" -> FLOAT;
                default -> throw unmapped(option);
            };
            // an enum-typed field, or a String field that Camel restricts to listed values
            case "enum" -> "java.lang.String".equals(javaType) ? STRING : className(option);
            case "object" -> className(option);
            default -> throw unmapped(option);
        };
    }

    private static ClassName className(ComponentOption option) {
        String javaType = option.javaType();
        if (!SourceVersion.isName(javaType)) {
            throw unmapped(option);
        }
        try {
            return ClassName.bestGuess(javaType);
        } catch (IllegalArgumentException e) {
            throw unmapped(option);
        }
    }

    private static IllegalArgumentException unmapped(ComponentOption option) {
        return new IllegalArgumentException("velaro.json option '" + option.name() + "' has type '" + option.type()
                                            + "' (javaType '" + option.javaType()
                                            + "'), which the starter generator does not map to a property type");
    }

    /** The default as a Java literal, or null: secrets and beans get none, so the IDE never shows one. */
    private static CodeBlock initializer(ComponentOption option, TypeName type) {
        JsonNode value = option.defaultValue();
        if (value == null || value.isNull() || option.secret() || option.isBeanReference()) {
            return null;
        }
        String text = value.asText();
        try {
            if (type.equals(STRING)) {
                return CodeBlock.of("$S", text);
            } else if (type.equals(BOOLEAN)) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw badDefault(option, text);
                }
                return CodeBlock.of("$L", text);
            } else if (type.equals(INTEGER)) {
                return CodeBlock.of("$L", Integer.parseInt(text));
            } else if (type.equals(LONG)) {
                return CodeBlock.of("$LL", Long.parseLong(text));
            } else if (type.equals(DOUBLE)) {
                return CodeBlock.of("$Ld", Double.parseDouble(text));
            } else if (type.equals(FLOAT)) {
                return CodeBlock.of("$Lf", Float.parseFloat(text));
            } else if (SourceVersion.isIdentifier(text) && !SourceVersion.isKeyword(text)) {
                return CodeBlock.of("$T.$L", type, text); // an enum constant
            }
        } catch (NumberFormatException e) {
            throw badDefault(option, text);
        }
        throw badDefault(option, text);
    }

    private static IllegalArgumentException badDefault(ComponentOption option, String text) {
        return new IllegalArgumentException("velaro.json option '" + option.name() + "' of type '" + option.type()
                                            + "' has a default the starter generator cannot write: '" + text + "'");
    }

    /** The option's description, one Javadoc paragraph; bean options say how a property names the bean. */
    private static String javadoc(ComponentOption option) {
        String description = option.description().strip();
        if (description.isEmpty()) {
            throw new IllegalArgumentException("velaro.json option '" + option.name() + "' has no description");
        }
        if (!description.endsWith(".")) {
            description += ".";
        }
        // nothing in the text may end the comment early or start a unicode escape
        description = description.replace("*/", "*&#47;").replace("\\", "&#92;");
        if (option.isBeanReference()) {
            description += " A bean reference, e.g. {@code #bean:name}.";
        }
        return description;
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
