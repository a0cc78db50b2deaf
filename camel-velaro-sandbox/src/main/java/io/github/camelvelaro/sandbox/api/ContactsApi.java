package io.github.camelvelaro.sandbox.api;

import java.util.NoSuchElementException;

import io.github.camelvelaro.sandbox.http.RawRequest;
import io.github.camelvelaro.sandbox.store.ContactStore;

/** {@code /contacts}: list, create (201, or 200 when it matched an existing contact), get, update (PATCH). */
final class ContactsApi {

    private final ContactStore store;

    ContactsApi(ContactStore store) {
        this.store = store;
    }

    ApiReply list(RawRequest request) {
        return new ApiReply(200, store.list(ListParameters.contacts(request)));
    }

    ApiReply create(RawRequest request) {
        try {
            ContactStore.Saved saved = store.save(InputRules.contactForCreate(request.body()));
            return new ApiReply(saved.created() ? 201 : 200, saved.contact());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    ApiReply get(String id) {
        return new ApiReply(200, store.get(id).orElseThrow(() -> ApiError.notFound("No contact " + id)));
    }

    ApiReply update(RawRequest request, String id) {
        try {
            return new ApiReply(200, store.update(id, InputRules.contactForUpdate(request.body())));
        } catch (NoSuchElementException e) {
            throw ApiError.notFound("No contact " + id);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }
}
