package io.github.camelvelaro.velaro;

import java.util.Locale;

/** Producer operations; which ones a resource supports is in {@link VelaroResource}. */
public enum VelaroOperation {
    CREATE,
    GET,
    LIST,
    UPDATE;

    /** The name used in URIs and the {@code CamelVelaroOperation} header, e.g. {@code create}. */
    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the operation changes data (and so needs a write scope and is never retried blindly). */
    public boolean isWrite() {
        return this == CREATE || this == UPDATE;
    }

    @Override
    public String toString() {
        return uriName();
    }
}
