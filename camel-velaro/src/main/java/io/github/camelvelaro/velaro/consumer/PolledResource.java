package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.client.VelaroResponse;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroPage;

/**
 * What a poller needs to know about the items of one resource: how to list them and how to read the two fields the
 * cursor is made of.
 *
 * @param <T> {@link Conversation} or {@link Contact}
 */
final class PolledResource<T> {

    static final PolledResource<Conversation> CONVERSATIONS = new PolledResource<>("conversation",
            VelaroApi::listConversations, Conversation::getId, Conversation::getUpdatedAt);
    static final PolledResource<Contact> CONTACTS = new PolledResource<>("contact",
            VelaroApi::listContacts, Contact::getId, Contact::getUpdatedAt);

    private final String noun;
    private final BiFunction<VelaroApi, ListQuery, CompletableFuture<VelaroResponse<VelaroPage<T>>>> lister;
    private final Function<T, String> id;
    private final Function<T, Instant> updatedAt;

    private PolledResource(String noun,
                           BiFunction<VelaroApi, ListQuery, CompletableFuture<VelaroResponse<VelaroPage<T>>>> lister,
                           Function<T, String> id, Function<T, Instant> updatedAt) {
        this.noun = noun;
        this.lister = lister;
        this.id = id;
        this.updatedAt = updatedAt;
    }

    static PolledResource<?> of(VelaroResource resource) {
        return switch (resource) {
            case CONVERSATIONS -> CONVERSATIONS;
            case CONTACTS -> CONTACTS;
            default -> throw new IllegalArgumentException("velaro:" + resource + " cannot be polled");
        };
    }

    CompletableFuture<VelaroResponse<VelaroPage<T>>> list(VelaroApi api, ListQuery query) {
        return lister.apply(api, query);
    }

    String id(T item) {
        return id.apply(item);
    }

    Instant updatedAt(T item) {
        return updatedAt.apply(item);
    }

    /** {@code conversation} or {@code contact}, for messages. */
    String noun() {
        return noun;
    }

    /** {@code Conversation} or {@code Contact}, to start a message with. */
    String capitalNoun() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
