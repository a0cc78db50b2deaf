package io.github.camelvelaro.velaro.client;

import java.util.Arrays;
import java.util.Optional;

/** The scopes a Velaro API key can hold (the guide's table). */
public enum VelaroScope {
    READ_CONVERSATIONS("read:conversations"),
    WRITE_CONVERSATIONS("write:conversations"),
    READ_CONTACTS("read:contacts"),
    WRITE_CONTACTS("write:contacts");

    private final String value;

    VelaroScope(String value) {
        this.value = value;
    }

    /** e.g. {@code read:conversations}. */
    public String value() {
        return value;
    }

    public static Optional<VelaroScope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equalsIgnoreCase(value.trim())).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
