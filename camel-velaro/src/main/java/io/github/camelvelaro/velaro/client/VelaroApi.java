package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import java.util.concurrent.CompletableFuture;

import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.VelaroPage;

/**
 * The Velaro operations the component uses, as an interface so that the component's own classes (and their unit
 * tests) can be written against the calls rather than the transport. Users do not plug in another implementation:
 * the HTTP layer is changed through the component's HTTP options (sslContextParameters, proxy, pool sizes,
 * httpClientConfigurer). Every future fails with a {@link VelaroException}.
 */
public interface VelaroApi {

    CompletableFuture<VelaroResponse<Conversation>> createConversation(CreateConversation input);

    CompletableFuture<VelaroResponse<Conversation>> getConversation(String id);

    CompletableFuture<VelaroResponse<VelaroPage<Conversation>>> listConversations(ListQuery query);

    CompletableFuture<VelaroResponse<Contact>> createContact(ContactInput input);

    CompletableFuture<VelaroResponse<Contact>> updateContact(String id, ContactInput input);

    CompletableFuture<VelaroResponse<Contact>> getContact(String id);

    CompletableFuture<VelaroResponse<VelaroPage<Contact>>> listContacts(ListQuery query);

    /** The quota as last seen for this client's key and limits; never calls the API. */
    QuotaSnapshot quota();

    /** POSTs a JSON body to a workflow's webhook trigger URL; the body of the answer, if any, as text. */
    CompletableFuture<VelaroResponse<String>> triggerWorkflow(WorkflowTrigger trigger, byte[] json);
}
