package io.github.camelvelaro.sandbox.journal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the sandbox was asked, in order, for assertions such as "the poller sent no request before the reset".
 * Keeps the latest {@value #CAPACITY} entries (a standalone sandbox may run for days). Thread-safe.
 */
public final class RequestJournal {

    public static final int CAPACITY = 10_000;

    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    public synchronized void record(JournalEntry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Every entry, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries that match, oldest first. */
    public synchronized List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** The entries for one method and path (below the base URL, without query), oldest first. */
    public List<JournalEntry> entries(String method, String path) {
        return entries(e -> e.method().equalsIgnoreCase(method) && e.path().equals(path));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many requests this key (by its fingerprint) made. */
    public int countForKey(String keyFingerprint) {
        return entries(e -> keyFingerprint.equals(e.keyFingerprint())).size();
    }

    public synchronized Optional<JournalEntry> last() {
        return Optional.ofNullable(entries.peekLast());
    }

    public synchronized void clear() {
        entries.clear();
    }
}
