package io.github.camelvelaro.velaro;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelvelaro.velaro.client.VelaroScope;

/**
 * What a {@code velaro:<resource>} URI addresses, with the operations and scopes that go with it: the one table
 * that says which combinations exist.
 */
public enum VelaroResource {
    CONVERSATIONS(VelaroScope.READ_CONVERSATIONS, VelaroScope.WRITE_CONVERSATIONS,
                  EnumSet.of(VelaroOperation.CREATE, VelaroOperation.GET, VelaroOperation.LIST), false),
    CONTACTS(VelaroScope.READ_CONTACTS, VelaroScope.WRITE_CONTACTS,
             EnumSet.of(VelaroOperation.CREATE, VelaroOperation.UPDATE, VelaroOperation.GET, VelaroOperation.LIST),
             false),
    /** Workflow runs, started through a trigger URL that is its own credential. */
    WORKFLOWS(null, null, EnumSet.of(VelaroOperation.CREATE), false),
    EVENTS(null, null, EnumSet.noneOf(VelaroOperation.class), true),
    TRANSCRIPTS(null, null, EnumSet.noneOf(VelaroOperation.class), true);

    private final VelaroScope readScope;
    private final VelaroScope writeScope;
    private final Set<VelaroOperation> operations;
    private final boolean webhook;

    VelaroResource(VelaroScope readScope, VelaroScope writeScope, Set<VelaroOperation> operations, boolean webhook) {
        this.readScope = readScope;
        this.writeScope = writeScope;
        this.operations = Collections.unmodifiableSet(operations);
        this.webhook = webhook;
    }

    /** As in the URI, e.g. {@code conversations}. */
    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<VelaroOperation> operations() {
        return operations;
    }

    /** Whether it is received through {@code from("webhook:velaro:<resource>")}. */
    public boolean isWebhook() {
        return webhook;
    }

    /** Whether calls go to the REST API with an API key. */
    public boolean usesApiKey() {
        return readScope != null;
    }

    /** The scope an operation needs, or null when the resource does not use API keys. */
    public VelaroScope requiredScope(VelaroOperation operation) {
        return operation.isWrite() ? writeScope : readScope;
    }

    /** The scope polling needs. */
    public VelaroScope pollScope() {
        return readScope;
    }

    /** {@code create, get, list}: for messages. */
    public String operationNames() {
        return operations.stream().map(VelaroOperation::uriName).collect(Collectors.joining(", "));
    }

    /** {@code conversations, contacts, ...}: for messages. */
    public static String uriNames() {
        return Arrays.stream(values()).map(VelaroResource::uriName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return uriName();
    }
}
