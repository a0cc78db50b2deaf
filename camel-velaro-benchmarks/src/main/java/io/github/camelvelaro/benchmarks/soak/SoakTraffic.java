package io.github.camelvelaro.benchmarks.soak;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.sandbox.SandboxClock;
import io.github.camelvelaro.sandbox.store.ConversationStore;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.ConversationStatus;
import io.github.camelvelaro.velaro.model.CreateConversation;

/**
 * Steady traffic on the sandbox's conversations, and the record of every version it made: every
 * {@code batchInterval} a batch of 1 to {@code maxBatch} changes (new conversations, and messages, assignments,
 * resolutions … in existing ones, old ones included, which moves them to the end of the {@code updatedAt} order), all
 * at one {@code updatedAt} instant.
 * <p>
 * The sandbox clock is frozen and set by this class only: each batch sets it to the wall clock (or 1 ms after the
 * previous batch) and changes distinct conversations, so every change of the batch gets exactly that instant and no
 * version is ever written with an {@code updatedAt} earlier than one already visible. The sandbox's own
 * {@code ActivityGenerator} picks conversations at random and may change one twice in a millisecond, which moves its
 * {@code updatedAt} ahead of the clock: another conversation changed in that millisecond would then appear behind a
 * poller's cursor, a loss made by the emulator rather than by the poller.
 */
final class SoakTraffic implements AutoCloseable {

    private static final String AGENT = "Soak Agent";
    /** Half of the edits go to one of the latest conversations, the rest to any conversation. */
    private static final int RECENT = 50;

    private final ConversationStore store;
    private final SandboxClock clock;
    private final Random random;
    private final int maxBatch;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "soak-traffic");
        thread.setDaemon(true);
        return thread;
    });
    // guarded by this
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Instant> latest = new LinkedHashMap<>();
    private final Set<Version> versions = new HashSet<>();
    private Instant lastInstant = Instant.EPOCH;
    private int batches;
    private int sharedInstantBatches;
    private RuntimeException failure;

    /** A version of a conversation: what a poller delivers. */
    record Version(String id, Instant updatedAt) {
    }

    SoakTraffic(ConversationStore store, SandboxClock clock, long seed, int maxBatch) {
        if (!clock.isFrozen()) {
            throw new IllegalArgumentException("the sandbox clock must be frozen: the traffic sets it");
        }
        this.store = store;
        this.clock = clock;
        this.random = new Random(seed);
        this.maxBatch = maxBatch;
    }

    void start(Duration interval) {
        executor.scheduleAtFixedRate(this::batch, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the traffic; once this returns, nothing changes any more. */
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the traffic thread did not stop");
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    synchronized void batch() {
        if (failure != null) {
            return;
        }
        try {
            Instant wall = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant at = wall.isAfter(lastInstant) ? wall : lastInstant.plusMillis(1);
            clock.set(at);
            lastInstant = at;
            int changes = 1 + random.nextInt(maxBatch);
            Set<String> touched = new HashSet<>();
            for (int i = 0; i < changes; i++) {
                String target = ids.isEmpty() || random.nextInt(3) == 0 ? null : pickUntouched(touched);
                Conversation changed = target == null ? create() : edit(target);
                record(changed, at);
                touched.add(changed.getId());
            }
            batches++;
            if (changes > 1) {
                sharedInstantBatches++;
            }
        } catch (RuntimeException e) {
            // the record would be wrong from here on: stop changing, and fail the run when it stops
            failure = e;
            throw e;
        }
    }

    private String pickUntouched(Set<String> touched) {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<String> pool = random.nextBoolean() ? ids.subList(Math.max(0, ids.size() - RECENT), ids.size()) : ids;
            String id = pool.get(random.nextInt(pool.size()));
            if (!touched.contains(id)) {
                return id;
            }
        }
        return null; // a new conversation instead
    }

    private Conversation create() {
        CreateConversation input = new CreateConversation("Soak conversation " + (ids.size() + 1));
        input.setVisitorName("Visitor " + (ids.size() + 1));
        Conversation created = store.create(input);
        ids.add(created.getId());
        return created;
    }

    /** A change that makes sense for the conversation's state; a message fits every state. */
    private Conversation edit(String id) {
        Conversation c = store.get(id).orElseThrow();
        boolean open = ConversationStatus.OPEN.wireValue().equals(c.getStatus());
        boolean assigned = c.getAssignedAgent() != null;
        int roll = random.nextInt(10);
        if (open && !assigned && roll < 4) {
            return store.assign(id, AGENT);
        }
        if (open && !assigned && roll == 4) {
            return store.miss(id);
        }
        if (open && assigned && roll < 3) {
            return store.resolve(id);
        }
        if (open && assigned && roll == 3) {
            return store.abandon(id);
        }
        return store.addMessage(id, "Visitor", "visitor", "Any update? (" + roll + ")");
    }

    private void record(Conversation changed, Instant at) {
        if (!at.equals(changed.getUpdatedAt())) {
            throw new IllegalStateException("conversation " + changed.getId() + " was changed at " + at
                                            + " but has updatedAt " + changed.getUpdatedAt());
        }
        Version version = new Version(changed.getId(), changed.getUpdatedAt());
        if (!versions.add(version)) {
            throw new IllegalStateException("version " + version + " was made twice");
        }
        latest.put(changed.getId(), changed.getUpdatedAt());
    }

    /** Every version made, in no order. */
    synchronized Set<Version> versions() {
        return Set.copyOf(versions);
    }

    /** The last version of every conversation, as this class made them, in the order they were created. */
    synchronized Map<String, Instant> finalVersions() {
        return new LinkedHashMap<>(latest);
    }

    synchronized int conversations() {
        return ids.size();
    }

    synchronized int batches() {
        return batches;
    }

    /** Batches of two changes or more: versions of different conversations sharing one {@code updatedAt}. */
    synchronized int sharedInstantBatches() {
        return sharedInstantBatches;
    }
}
