package io.github.camelvelaro.sandbox.store;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.ConversationStatus;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.TranscriptMessage;
import io.github.camelvelaro.velaro.model.VelaroPage;

/**
 * The conversations of the simulated site and their life cycle: a visitor opens one, an agent is assigned, and it
 * ends resolved, missed or abandoned. Every change moves {@code updatedAt}; those the contract has an event type for
 * are announced to the {@link ChangeListener}. Thread-safe; models handed out are copies.
 */
public final class ConversationStore {

    static final String ID_PREFIX = "conv_";
    static final String DEFAULT_CHANNEL = "web";

    private final Clock clock;
    private final Ids ids;
    private final Function<String, Optional<String>> contactIdByEmail;
    private final Map<String, StoredConversation> conversations = new LinkedHashMap<>();
    private volatile ChangeListener listener = ChangeListener.NONE;

    /**
     * @param contactIdByEmail finds the contact a visitor email belongs to, so that a conversation links to it
     */
    public ConversationStore(Clock clock, Ids ids, Function<String, Optional<String>> contactIdByEmail) {
        this.clock = clock;
        this.ids = ids;
        this.contactIdByEmail = contactIdByEmail;
    }

    public void setListener(ChangeListener listener) {
        this.listener = listener == null ? ChangeListener.NONE : listener;
    }

    /** Opens a conversation with the visitor's first message (the input is assumed valid). */
    public synchronized Conversation create(CreateConversation input) {
        Instant now = clock.instant();
        String visitor = input.getVisitorName() == null ? "Visitor" : input.getVisitorName();
        String contactId = input.getVisitorEmail() == null ? null
                : contactIdByEmail.apply(input.getVisitorEmail()).orElse(null);
        // a new conversation's updatedAt is its createdAt: the clock reading, untouched
        StoredConversation c = new StoredConversation(ids.next(ID_PREFIX), now,
                input.getChannel() == null ? DEFAULT_CHANNEL : input.getChannel(), input.getVisitorName(),
                input.getVisitorEmail(), contactId, input.getCustomData());
        c.addParticipant(visitor, "visitor");
        c.messages.add(new TranscriptMessage(visitor, "visitor", input.getMessage(), now));
        conversations.put(c.id, c);
        return announce(ChangeType.CONVERSATION_CREATED, c);
    }

    public synchronized Optional<Conversation> get(String id) {
        return Optional.ofNullable(conversations.get(id)).map(StoredConversation::toModel);
    }

    /** One page, filtered by {@code updatedSince} (inclusive) and {@code status}, ordered by updatedAt then id. */
    public synchronized VelaroPage<Conversation> list(ListQuery query) {
        List<Conversation> matching = conversations.values().stream()
                .filter(c -> query.updatedSince() == null || !c.updatedAt.isBefore(query.updatedSince()))
                .filter(c -> query.status() == null || c.status.wireValue().equals(query.status()))
                .map(StoredConversation::toModel)
                .sorted(ListOrder.byUpdatedAtThenId(Conversation::getUpdatedAt, Conversation::getId))
                .toList();
        return ListOrder.page(matching, query);
    }

    /** An agent takes (or takes over) an open conversation. */
    public synchronized Conversation assign(String id, String agent) {
        StoredConversation c = open(id, "assign");
        c.touch(clock.instant());
        c.assignedAgent = agent;
        c.addParticipant(agent, "agent");
        c.messages.add(new TranscriptMessage(agent, "agent", "Hi, this is " + agent + ". How can I help?",
                c.updatedAt));
        return announce(ChangeType.CONVERSATION_ASSIGNED, c);
    }

    /** The agent (or a bot) resolves an open conversation; its transcript is sent. */
    public synchronized Conversation resolve(String id) {
        StoredConversation c = open(id, "resolve");
        c.status = ConversationStatus.RESOLVED;
        c.touch(clock.instant());
        c.resolvedAt = c.updatedAt;
        Conversation result = announce(ChangeType.CONVERSATION_RESOLVED, c);
        listener.ended(c.toTranscript());
        return result;
    }

    /** Nobody answered before the visitor left. */
    public synchronized Conversation miss(String id) {
        StoredConversation c = open(id, "mark missed");
        c.status = ConversationStatus.MISSED;
        c.touch(clock.instant());
        return announce(ChangeType.CONVERSATION_MISSED, c);
    }

    /** The visitor left an answered conversation; there is no event type for it, but the transcript is sent. */
    public synchronized Conversation abandon(String id) {
        StoredConversation c = open(id, "abandon");
        c.status = ConversationStatus.ABANDONED;
        c.touch(clock.instant());
        listener.ended(c.toTranscript());
        return c.toModel();
    }

    /** Someone writes in a conversation: it changes (updatedAt moves) without changing status. */
    public synchronized Conversation addMessage(String id, String author, String role, String text) {
        StoredConversation c = find(id);
        Instant now = clock.instant();
        c.addParticipant(author, role);
        c.messages.add(new TranscriptMessage(author, role, text, now));
        c.touch(now);
        return c.toModel();
    }

    /** The ids of the conversations with this status, oldest first. */
    public synchronized List<String> idsWithStatus(ConversationStatus status, boolean assigned) {
        return conversations.values().stream()
                .filter(c -> c.status == status && (c.assignedAgent != null) == assigned)
                .map(c -> c.id).toList();
    }

    public synchronized int size() {
        return conversations.size();
    }

    public synchronized void clear() {
        conversations.clear();
    }

    /** Tells the listener about a change already made (and touched) and returns the new state. */
    private Conversation announce(ChangeType type, StoredConversation c) {
        listener.changed(type, c.toModel());
        return c.toModel();
    }

    private StoredConversation open(String id, String action) {
        StoredConversation c = find(id);
        if (c.status != ConversationStatus.OPEN) {
            throw new IllegalStateException(
                    "cannot " + action + " conversation " + id + ": it is " + c.status.wireValue());
        }
        return c;
    }

    private StoredConversation find(String id) {
        StoredConversation c = conversations.get(id);
        if (c == null) {
            throw new NoSuchElementException("no conversation " + id);
        }
        return c;
    }
}
