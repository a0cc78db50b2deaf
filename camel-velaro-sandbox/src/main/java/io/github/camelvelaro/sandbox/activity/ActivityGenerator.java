package io.github.camelvelaro.sandbox.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.camelvelaro.sandbox.store.ContactStore;
import io.github.camelvelaro.sandbox.store.ConversationStore;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.ConversationStatus;
import io.github.camelvelaro.velaro.model.CreateConversation;

/**
 * Simulated site traffic: visitors start conversations and write in them, agents take and resolve them, some are
 * missed or abandoned, contacts are created and updated. Each {@link #tick()} does one such thing, chosen at random
 * among those possible in the current state (seeded, so a test replays the same story); {@link #start(Duration)}
 * ticks on a background thread at a chosen rate.
 */
public final class ActivityGenerator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ActivityGenerator.class.getName());

    private static final int NEW_VISITOR_NUMBERS = 1000;

    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final Random random;
    private int contactCounter;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> schedule;

    public ActivityGenerator(ConversationStore conversations, ContactStore contacts, long seed) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.random = new Random(seed);
    }

    /** An action, how likely it is relative to the others, and the state it needs. */
    private record Action(int weight, Supplier<ActivityStep> run) {
    }

    /** Does one thing a busy site would do. */
    public synchronized ActivityStep tick() {
        List<String> waiting = conversations.idsWithStatus(ConversationStatus.OPEN, false);
        List<String> active = conversations.idsWithStatus(ConversationStatus.OPEN, true);
        List<String> contactIds = contacts.ids();
        List<Action> possible = new ArrayList<>();
        possible.add(new Action(3, this::visitorStarts));
        possible.add(new Action(2, this::contactCreated));
        if (!waiting.isEmpty()) {
            possible.add(new Action(3, () -> agentTakes(pick(waiting))));
            possible.add(new Action(1, () -> missed(pick(waiting))));
        }
        if (!active.isEmpty()) {
            possible.add(new Action(3, () -> resolved(pick(active))));
            possible.add(new Action(1, () -> abandoned(pick(active))));
            possible.add(new Action(2, () -> visitorWrites(pick(active))));
        }
        if (!contactIds.isEmpty()) {
            possible.add(new Action(2, () -> contactUpdated(pick(contactIds))));
        }
        return choose(possible).run().get();
    }

    /** Does {@code steps} things, returning what each was. */
    public List<ActivityStep> tick(int steps) {
        List<ActivityStep> done = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            done.add(tick());
        }
        return done;
    }

    /** Ticks every {@code interval} on a background thread until {@link #stop()}. */
    public synchronized void start(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        stop();
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "velaro-sandbox-activity");
                thread.setDaemon(true);
                return thread;
            });
        }
        schedule = executor.scheduleAtFixedRate(this::scheduledTick, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** {@code perMinute} things a minute (wall clock). */
    public void startPerMinute(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be 1 or more");
        }
        start(Duration.ofMillis(Math.max(1, 60_000L / perMinute)));
    }

    /** Stops background activity; once this returns, no more changes are made until the next start. */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    public synchronized boolean isRunning() {
        return schedule != null;
    }

    @Override
    public synchronized void close() {
        stop();
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private synchronized void scheduledTick() {
        if (schedule == null) {
            // stopped while this run waited for the lock: after stop() returns, nothing more happens
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            // someone else (a test) changed a conversation between the choice and the action: try again next tick
            LOG.log(System.Logger.Level.DEBUG, "Activity tick skipped: {0}", e.getMessage());
        }
    }

    private ActivityStep visitorStarts() {
        CreateConversation input = new CreateConversation(SampleData.pick(random, SampleData.OPENERS));
        List<String> known = contacts.ids();
        Optional<Contact> returning = !known.isEmpty() && random.nextInt(3) == 0
                ? contacts.get(pick(known)) : Optional.empty();
        if (returning.isPresent()) {
            // a known contact comes back: the conversation links to them by email
            input.setVisitorName(returning.get().getName());
            input.setVisitorEmail(returning.get().getEmail());
        } else {
            String first = SampleData.pick(random, SampleData.FIRST_NAMES);
            String last = SampleData.pick(random, SampleData.LAST_NAMES);
            input.setVisitorName(first + " " + last);
            input.setVisitorEmail(email(first, last, random.nextInt(NEW_VISITOR_NUMBERS)));
        }
        input.setChannel(SampleData.pick(random, SampleData.CHANNELS));
        input.setCustomData(Map.of("orderId", Integer.toString(10_000 + random.nextInt(90_000))));
        return new ActivityStep("conversation.created", conversations.create(input).getId());
    }

    private ActivityStep agentTakes(String id) {
        return new ActivityStep("conversation.assigned",
                conversations.assign(id, SampleData.pick(random, SampleData.AGENTS)).getId());
    }

    private ActivityStep resolved(String id) {
        return new ActivityStep("conversation.resolved", conversations.resolve(id).getId());
    }

    private ActivityStep missed(String id) {
        return new ActivityStep("conversation.missed", conversations.miss(id).getId());
    }

    private ActivityStep abandoned(String id) {
        return new ActivityStep("conversation.abandoned", conversations.abandon(id).getId());
    }

    private ActivityStep visitorWrites(String id) {
        return new ActivityStep("conversation.message", conversations.addMessage(id, "Visitor", "visitor",
                SampleData.pick(random, SampleData.FOLLOW_UPS)).getId());
    }

    private ActivityStep contactCreated() {
        String first = SampleData.pick(random, SampleData.FIRST_NAMES);
        String last = SampleData.pick(random, SampleData.LAST_NAMES);
        ContactInput input = new ContactInput();
        input.setName(first + " " + last);
        // a fresh address each time (above the new visitors' numbers), so the store matches no existing contact
        input.setEmail(email(first, last, NEW_VISITOR_NUMBERS + ++contactCounter));
        input.setPhone("+1555" + (1_000_000 + random.nextInt(9_000_000)));
        input.setCompany(SampleData.pick(random, SampleData.COMPANIES));
        return new ActivityStep("contact.created", contacts.save(input).contact().getId());
    }

    private ActivityStep contactUpdated(String id) {
        ContactInput change = new ContactInput();
        change.setCompany(SampleData.pick(random, SampleData.COMPANIES));
        return new ActivityStep("contact.updated", contacts.update(id, change).getId());
    }

    private static String email(String first, String last, int n) {
        return (first + "." + last + n + "@example.com").toLowerCase(Locale.ROOT);
    }

    private String pick(List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private Action choose(List<Action> actions) {
        int total = actions.stream().mapToInt(Action::weight).sum();
        int roll = random.nextInt(total);
        for (Action action : actions) {
            roll -= action.weight();
            if (roll < 0) {
                return action;
            }
        }
        throw new IllegalStateException("unreachable: weights sum to " + total);
    }
}
