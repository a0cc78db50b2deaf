package io.github.camelvelaro.velaro.consumer;

import java.util.function.Supplier;

import io.github.camelvelaro.velaro.VelaroAccountOptions;
import io.github.camelvelaro.velaro.VelaroResource;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller's cursor in the {@code offsetRepository}, under a key of its own, with the API key that wrote it.
 * <p>
 * The key names the site, the resource, the {@code status} filter and the {@code reconcileGroup} (when set): two
 * Velaro sites see different items even on one {@code baseUrl}, pollers with different filters see different item
 * sequences, and each reconcile group follows the changes at its own pace. Velaro's API names no site, so the site is
 * the {@code siteId} option, {@value VelaroAccountOptions#DEFAULT_SITE_ID} when it is not set. The key
 * deliberately leaves out the API key (a rotated key must not restart polling) and {@code startFrom} (which only
 * applies when nothing is stored). It contains no {@code =} or newline, which {@code FileStateRepository} refuses in
 * keys.
 * <p>
 * Because the API key is not in the repository key, the value records which key wrote it, and a poller refuses a
 * cursor another key wrote unless its site is declared: without {@code siteId}, another key may be another site, and
 * resuming from that site's position would silently skip items.
 * <p>
 * ASSUMPTION: an API key belongs to exactly one Velaro site (the guide speaks of site-wide limits and of keys, never
 * of a key shared by sites), so an offset written with this poller's own key is this site's.
 */
final class CursorStore {

    private static final Logger LOG = LoggerFactory.getLogger(CursorStore.class);

    private final StateRepository<String, String> repository;
    private final String key;
    private final String legacyKey;
    private final Supplier<CursorOwner> owner;

    /**
     * @param site  the {@code siteId}, or the default site
     * @param group the {@code reconcileGroup}, or null
     * @param owner the key this poller writes with (it changes when the key is renewed while the poller runs)
     */
    CursorStore(StateRepository<String, String> repository, String site, VelaroResource resource, String status,
                String group, Supplier<CursorOwner> owner) {
        this.repository = repository;
        this.key = key(site, resource, status, group);
        // before siteId there were no groups either
        this.legacyKey = group == null ? "velaro:" + resource.uriName() + statusPart(status) : null;
        this.owner = owner;
    }

    /** e.g. {@code velaro:default:conversations} or {@code velaro:acme:conversations:status:open}. */
    static String key(String site, VelaroResource resource, String status) {
        return key(site, resource, status, null);
    }

    /**
     * With a {@code reconcileGroup}, e.g. {@code velaro:default:conversations:group:crm}: each group follows the
     * site's changes at its own pace, so two groups never share (or fight over) one offset.
     */
    static String key(String site, VelaroResource resource, String status, String group) {
        return "velaro:" + site + ":" + resource.uriName() + statusPart(status) + (group == null ? "" : ":group:" + group);
    }

    private static String statusPart(String status) {
        return status == null ? "" : ":status:" + status;
    }

    /**
     * The stored cursor, or null when this poller has none yet.
     *
     * @param  siteDeclared          whether {@code siteId} is set: then a cursor written by another key is this
     *                               site's, written before the key was rotated
     * @param  poller                e.g. {@code velaro:conversations}, for messages
     * @throws IllegalStateException when the entry is not a cursor, or another key wrote it and no site is declared
     */
    PollCursor load(boolean siteDeclared, String poller) {
        String text = repository.getState(key);
        if (text == null) {
            warnAboutLegacyKey(poller);
            return null;
        }
        if (text.isBlank()) {
            // an entry without a value is a write cut short (FileStateRepository under kill -9); starting over from
            // startFrom would silently skip (now) or repeat (beginning) everything since the last good commit
            throw new IllegalStateException("The offset stored under key " + key + " in offsetRepository is empty, as a "
                                            + "write cut short by a crash leaves it; restore the entry or remove it "
                                            + "(then the poller starts from startFrom), and prefer "
                                            + "AtomicFileStateRepository, which a crash cannot leave half-written");
        }
        StoredCursor stored;
        try {
            stored = StoredCursor.decode(text.trim());
        } catch (IllegalArgumentException e) {
            // refusing is safer than starting over, which would silently skip or repeat items
            throw new IllegalStateException("The offset stored under key " + key + " in offsetRepository is not a Velaro "
                                            + "poll cursor (" + e.getMessage() + "); fix or remove that entry", e);
        }
        CursorOwner writer = stored.owner();
        CursorOwner current = owner.get();
        if (writer == null || writer.sameKey(current)) {
            return stored.cursor();
        }
        if (!siteDeclared) {
            throw new IllegalStateException(poller + " cannot resume the offset stored under key " + key
                                            + " in offsetRepository: it was written with the API key " + writer
                                            + " and this poller uses " + current.maskedKey() + ". Velaro does not say "
                                            + "which site a key belongs to. If this is the same site with a new key, set "
                                            + "siteId=" + VelaroAccountOptions.DEFAULT_SITE_ID + " to keep this offset; if it "
                                            + "is another site, give each site its own siteId so that their offsets "
                                            + "never mix");
        }
        LOG.info("{} resumes the offset of its site under key {}, written with the API key {}, now with the API key {} "
                 + "(a rotated key)", poller, key, writer, current);
        save(stored.cursor());
        return stored.cursor();
    }

    /** Keys before siteId had no site; such an entry is not read (pre-1.0, no migration), but it is not ignored silently. */
    private void warnAboutLegacyKey(String poller) {
        if (legacyKey == null) {
            return;
        }
        String legacy = repository.getState(legacyKey);
        if (legacy != null && !legacy.isBlank()) {
            LOG.warn("{} has no offset under key {}, but offsetRepository holds one under {}, the key used before siteId "
                     + "existed; it is not read. To resume from it, rename that entry to {} before starting the route.",
                    poller, key, legacyKey, key);
        }
    }

    void save(PollCursor cursor) {
        repository.setState(key, new StoredCursor(cursor, owner.get()).encode());
    }

    String key() {
        return key;
    }
}
