package io.github.camelvelaro.sandbox.store;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.VelaroPage;

/**
 * The contacts of the simulated site. Thread-safe; models handed out are copies.
 * <p>
 * ASSUMPTION (openapi.yaml ContactInput: "Velaro matches contacts by email, then phone"): creating a contact whose
 * email (case-insensitive) is already known, or, when no email is sent, whose phone is already known, updates that
 * contact instead of adding a duplicate; {@link #save(ContactInput)} says which happened.
 */
public final class ContactStore {

    static final String ID_PREFIX = "cont_";

    private final Clock clock;
    private final Ids ids;
    private final Map<String, StoredContact> contacts = new LinkedHashMap<>();
    private volatile ChangeListener listener = ChangeListener.NONE;

    public ContactStore(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public void setListener(ChangeListener listener) {
        this.listener = listener == null ? ChangeListener.NONE : listener;
    }

    /** The result of a create: the contact, and whether it is new or an existing one that matched. */
    public record Saved(Contact contact, boolean created) {
    }

    /**
     * Creates a contact, or updates the one it matches (the fields are assumed valid).
     *
     * @throws IllegalArgumentException when the contact would have neither email nor phone
     */
    public synchronized Saved save(ContactInput input) {
        Optional<StoredContact> match = match(input);
        if (match.isPresent()) {
            return new Saved(update(match.get(), input), false);
        }
        StoredContact c = new StoredContact(ids.next(ID_PREFIX), clock.instant());
        c.apply(input);
        requireEmailOrPhone(c);
        contacts.put(c.id, c);
        listener.changed(ChangeType.CONTACT_CREATED, c.toModel());
        return new Saved(c.toModel(), true);
    }

    /**
     * Changes the fields the input sets.
     *
     * @throws NoSuchElementException   for an unknown id
     * @throws IllegalArgumentException when the contact would be left with neither email nor phone
     */
    public synchronized Contact update(String id, ContactInput input) {
        return update(find(id), input);
    }

    public synchronized Optional<Contact> get(String id) {
        return Optional.ofNullable(contacts.get(id)).map(StoredContact::toModel);
    }

    /** One page, filtered by {@code updatedSince} (inclusive) and {@code email} (exact, case-insensitive). */
    public synchronized VelaroPage<Contact> list(ListQuery query) {
        List<Contact> matching = contacts.values().stream()
                .filter(c -> query.updatedSince() == null || !c.updatedAt.isBefore(query.updatedSince()))
                .filter(c -> query.email() == null || sameEmail(c.email, query.email()))
                .map(StoredContact::toModel)
                .sorted(ListOrder.byUpdatedAtThenId(Contact::getUpdatedAt, Contact::getId))
                .toList();
        return ListOrder.page(matching, query);
    }

    /** The id of the contact with this email (case-insensitive), if any. */
    public synchronized Optional<String> idByEmail(String email) {
        return contacts.values().stream().filter(c -> sameEmail(c.email, email)).map(c -> c.id).findFirst();
    }

    /** All contact ids, oldest first. */
    public synchronized List<String> ids() {
        return List.copyOf(contacts.keySet());
    }

    public synchronized int size() {
        return contacts.size();
    }

    public synchronized void clear() {
        contacts.clear();
    }

    private Contact update(StoredContact c, ContactInput input) {
        StoredContact before = c.copy();
        c.apply(input);
        try {
            requireEmailOrPhone(c);
        } catch (IllegalArgumentException e) {
            c.restore(before);
            throw e;
        }
        c.updatedAt = Timestamps.next(c.updatedAt, clock.instant());
        listener.changed(ChangeType.CONTACT_UPDATED, c.toModel());
        return c.toModel();
    }

    /** The store's invariant: Velaro finds contacts by email or phone, so every contact has one of them. */
    private static void requireEmailOrPhone(StoredContact c) {
        if (isBlank(c.email) && isBlank(c.phone)) {
            throw new IllegalArgumentException("a contact needs an email or a phone");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private Optional<StoredContact> match(ContactInput input) {
        if (input.getEmail() != null) {
            return contacts.values().stream().filter(c -> sameEmail(c.email, input.getEmail())).findFirst();
        }
        if (input.getPhone() != null) {
            return contacts.values().stream().filter(c -> input.getPhone().equals(c.phone)).findFirst();
        }
        return Optional.empty();
    }

    private StoredContact find(String id) {
        StoredContact c = contacts.get(id);
        if (c == null) {
            throw new NoSuchElementException("no contact " + id);
        }
        return c;
    }

    private static boolean sameEmail(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
