package io.github.camelvelaro.velaro.springboot.generator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One option of velaro.json ({@code componentProperties} or {@code properties}), as camel-component-maven-plugin wrote
 * it.
 *
 * @param name         the option name, e.g. {@code rateLimitPerMinute}
 * @param type         Camel's option type: string, integer, number, boolean, enum, object ...
 * @param javaType     the Java type of the component's field, e.g. {@code int} or a bean interface
 * @param defaultValue the default, or null when the option has none
 * @param description  the one-sentence help text
 * @param secret       whether the option holds a secret (it then gets no default)
 * @param autowired    whether Camel fills it in from the one bean of its type in the registry
 */
public record ComponentOption(String name, String type, String javaType, JsonNode defaultValue, String description,
                              boolean secret, boolean autowired) {

    /** Bean options that Camel autowires (such as the quota store) are not properties of the starter. */
    public boolean isAutowiredBean() {
        return "object".equals(type) && autowired;
    }

    /** Whether the property holds a bean, given in Spring Boot as a reference such as {@code #bean:name}. */
    public boolean isBeanReference() {
        return "object".equals(type);
    }
}
