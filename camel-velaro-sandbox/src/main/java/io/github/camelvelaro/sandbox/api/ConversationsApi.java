package io.github.camelvelaro.sandbox.api;

import io.github.camelvelaro.sandbox.http.RawRequest;
import io.github.camelvelaro.sandbox.store.ConversationStore;

/** {@code /conversations}: list, create, get. */
final class ConversationsApi {

    private final ConversationStore store;

    ConversationsApi(ConversationStore store) {
        this.store = store;
    }

    ApiReply list(RawRequest request) {
        return new ApiReply(200, store.list(ListParameters.conversations(request)));
    }

    ApiReply create(RawRequest request) {
        return new ApiReply(201, store.create(InputRules.createConversation(request.body())));
    }

    ApiReply get(String id) {
        return new ApiReply(200, store.get(id).orElseThrow(() -> ApiError.notFound("No conversation " + id)));
    }
}
