package io.github.camelvelaro.sandbox.store;

import java.time.Instant;
import java.util.Map;

import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;

/** A contact as the store keeps it. Guarded by the store's lock. */
final class StoredContact {

    final String id;
    final Instant createdAt;
    Instant updatedAt;
    String name;
    String email;
    String phone;
    String company;
    Map<String, Object> customData;

    StoredContact(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** PATCH semantics: every field the input sets replaces the stored one (customData as a whole); others stay. */
    void apply(ContactInput input) {
        if (input.getName() != null) {
            name = input.getName();
        }
        if (input.getEmail() != null) {
            email = input.getEmail();
        }
        if (input.getPhone() != null) {
            phone = input.getPhone();
        }
        if (input.getCompany() != null) {
            company = input.getCompany();
        }
        if (input.getCustomData() != null) {
            customData = CustomData.copy(input.getCustomData());
        }
    }

    /** A copy of the fields, to roll a rejected change back with {@link #restore(StoredContact)}. */
    StoredContact copy() {
        StoredContact copy = new StoredContact(id, createdAt);
        copy.restore(this);
        return copy;
    }

    void restore(StoredContact from) {
        updatedAt = from.updatedAt;
        name = from.name;
        email = from.email;
        phone = from.phone;
        company = from.company;
        customData = from.customData;
    }

    Contact toModel() {
        Contact c = new Contact();
        c.setId(id);
        c.setName(name);
        c.setEmail(email);
        c.setPhone(phone);
        c.setCompany(company);
        c.setCustomData(CustomData.copy(customData));
        c.setCreatedAt(createdAt);
        c.setUpdatedAt(updatedAt);
        return c;
    }
}
