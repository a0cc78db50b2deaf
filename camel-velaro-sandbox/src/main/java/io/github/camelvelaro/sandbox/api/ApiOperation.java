package io.github.camelvelaro.sandbox.api;

import io.github.camelvelaro.velaro.client.VelaroScope;

/** The operations of openapi.yaml, each with the scope its {@code x-required-scope} names. */
enum ApiOperation {
    LIST_CONVERSATIONS("GET", Resource.CONVERSATIONS, false, VelaroScope.READ_CONVERSATIONS),
    CREATE_CONVERSATION("POST", Resource.CONVERSATIONS, false, VelaroScope.WRITE_CONVERSATIONS),
    GET_CONVERSATION("GET", Resource.CONVERSATIONS, true, VelaroScope.READ_CONVERSATIONS),
    LIST_CONTACTS("GET", Resource.CONTACTS, false, VelaroScope.READ_CONTACTS),
    CREATE_CONTACT("POST", Resource.CONTACTS, false, VelaroScope.WRITE_CONTACTS),
    GET_CONTACT("GET", Resource.CONTACTS, true, VelaroScope.READ_CONTACTS),
    UPDATE_CONTACT("PATCH", Resource.CONTACTS, true, VelaroScope.WRITE_CONTACTS);

    /** The collections below the base URL. */
    enum Resource {
        CONVERSATIONS("/conversations"),
        CONTACTS("/contacts");

        final String path;

        Resource(String path) {
            this.path = path;
        }
    }

    final String method;
    final Resource resource;
    final boolean onItem;
    final VelaroScope scope;

    ApiOperation(String method, Resource resource, boolean onItem, VelaroScope scope) {
        this.method = method;
        this.resource = resource;
        this.onItem = onItem;
        this.scope = scope;
    }
}
