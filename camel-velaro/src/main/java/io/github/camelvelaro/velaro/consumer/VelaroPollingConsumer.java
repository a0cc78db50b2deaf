package io.github.camelvelaro.velaro.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelvelaro.velaro.VelaroAccountOptions;
import io.github.camelvelaro.velaro.VelaroConfiguration;
import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.VelaroMessages;
import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.client.KeyRing;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("velaro:conversations")} and {@code from("velaro:contacts")}: every poll asks Velaro for what changed
 * since the cursor and routes one exchange per item, in ({@code updatedAt}, {@code id}) order, committing the cursor
 * after each exchange that completed without an exception. A failed exchange ends the poll; the item is retried at
 * the next one, and after {@code maxItemFailures} in a row it is reported by the health check or, with
 * {@code skipFailingItems}, skipped.
 * <p>
 * The cursor is read from the {@code offsetRepository} when the consumer starts and written after every delivered
 * item, so a restarted route, a new CamelContext or the node taking over under {@code master:} continues where the
 * last committed exchange left off. It is kept under the {@code siteId}, and no two pollers of one CamelContext may
 * keep theirs under the same key of one repository.
 * <p>
 * With a {@code reconcileGroup} it is the slow half of "webhooks for speed, polling to reconcile": a version the
 * group's routes received already (from the webhook consumer) is skipped, so the poll delivers only what the
 * webhooks missed; its offset is kept under the group, with the same rules.
 */
public class VelaroPollingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(VelaroPollingConsumer.class);

    private final VelaroResource resource;
    private final PolledResource<?> items;
    private final VelaroConfiguration configuration;
    private final KeyRing keys;
    private final String status;
    private final StartFrom startFrom;
    private final String poller;
    private final String site;
    private final BudgetPause budget;
    private final ItemFailures failures;
    private final Reconciliation reconciliation;
    private final String group;
    private final Clock clock;
    /** Held while a poll runs, so stopping can wait for the item in progress to be committed. */
    private final ReentrantLock polling = new ReentrantLock();

    private VelaroApi api;
    private StateRepository<String, String> repository;
    private CursorClaims claims;
    /** The repository whose cursor key this poller has claimed, until it stops. */
    private StateRepository<String, String> claimed;
    private CursorStore store;
    private KeysetPager<?> pager;
    private AuthFailureReporter auth;
    /** With pacing=adaptive: decides at each run of the poll task whether to poll; null with fixed pacing. */
    private PacedPolls paced;
    private volatile PollCursor cursor;
    private volatile Instant lastSuccessfulPoll;
    /** Shows this poller's cursor and lag in the meters and the dev console while it runs. */
    private AutoCloseable watched;
    /** Why the last poll that ended failed; reported again by polls that end waiting for the retry's answer. */
    private Exception lastFailure;

    /** Validates the options; invalid ones fail the route's start, naming the option, before anything is sent. */
    public VelaroPollingConsumer(VelaroEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.resource = endpoint.getKind();
        this.items = PolledResource.of(resource);
        this.configuration = endpoint.getConfiguration();
        VelaroAccountOptions account = endpoint.getAccount();
        configuration.checkFor(resource, account);
        configuration.checkPollingOptions();
        this.keys = endpoint.keyRing();
        account.baseUri();
        account.checkScope(resource.pollScope(), "Polling velaro:" + resource);
        this.status = configuration.getStatus() == null ? null : configuration.getStatus().wireValue();
        this.startFrom = StartFrom.parse(configuration.getStartFrom());
        this.poller = "velaro:" + resource + (status == null ? "" : "?status=" + status);
        this.site = account.siteIdOrDefault();
        this.budget = new BudgetPause(poller);
        this.failures = new ItemFailures(configuration.getMaxItemFailures(), configuration.isSkipFailingItems(), poller,
                items);
        this.group = configuration.reconcileGroupOrNull();
        this.reconciliation = new Reconciliation(endpoint.deliveredVersions(), resource, poller, items.noun());
        this.clock = endpoint.getComponent().getClock();
    }

    @Override
    public VelaroEndpoint getEndpoint() {
        return (VelaroEndpoint) super.getEndpoint();
    }

    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            setHealthCheck(new VelaroPollHealthCheck(this, "consumer:" + getRouteId()));
        }
        super.doBuild();
    }

    @Override
    protected void doInit() throws Exception {
        paced = PacedPolls.configure(this, getEndpoint(), getEndpoint().getPacingOptions(),
                getEndpoint().getAccount().getDailyRequestLimit(), poller, clock, () -> api == null ? null : api.quota());
        if (paced == null) {
            PollSchedule.apply(this, getEndpoint(), getEndpoint().getAccount().getDailyRequestLimit(), poller);
        }
        if (getScheduler() == null && getScheduledExecutorService() == null) {
            // the component's shared scheduler, unless the endpoint brought its own scheduledExecutorService or scheduler
            setScheduledExecutorService(getEndpoint().getComponent().pollerScheduler().get(getEndpoint().getCamelContext()));
        }
        auth = new AuthFailureReporter(getExceptionHandler(), poller, this::maskedKey);
        setExceptionHandler(auth);
        super.doInit();
    }

    @Override
    protected void doStart() throws Exception {
        api = getEndpoint().createApi();
        StateRepository<String, String> offsets = getEndpoint().offsetRepository();
        store = new CursorStore(offsets, site, resource, status, group, () -> CursorOwner.of(keys.current()));
        // first, so that a refused poller leaves the repository and the other poller's cursor alone
        claims = CursorClaims.of(getEndpoint().getCamelContext());
        claims.claim(offsets, store.key(), this, getRouteId());
        claimed = offsets;
        OffsetRepositoryLease.acquire(offsets);
        repository = offsets;
        // read once, here: mid-poll reads could race with the repository being stopped and reloaded
        cursor = store.load(getEndpoint().getAccount().isSiteIdSet(), poller);
        if (cursor != null) {
            LOG.info("{} resumes from its stored offset {} (key {})", poller, cursor, store.key());
        } else {
            LOG.info("{} has no stored offset (key {}) and starts from {}", poller, store.key(), startFrom);
        }
        pager = newPager(items);
        watched = getEndpoint().getComponent().activity().watchPoller(getRouteId(), poller, this::maskedKey,
                () -> cursor == null ? null : cursor.updatedSince(), () -> lastSuccessfulPoll);
        super.doStart();
    }

    private <T> KeysetPager<T> newPager(PolledResource<T> polled) {
        ListQuery firstPage = ListQuery.page(1, configuration.getPageSize()).withStatus(status);
        return new KeysetPager<>(api, polled, firstPage, this::mayContinue, clock,
                Duration.ofMillis(configuration.getFutureTolerance()),
                group == null ? Duration.ZERO : Duration.ofMillis(configuration.getReconcileGrace()));
    }

    /**
     * Whether the next page or item may start: not once the consumer or the CamelContext is stopping. Stopping
     * between items, as Camel's default shutdown does, also keeps a {@code master:} leader from routing on after
     * camel-master has released its leadership, which it does before it stops this consumer.
     */
    private boolean mayContinue() {
        return isPollAllowed() && !getEndpoint().getCamelContext().isStopping();
    }

    @Override
    protected void doStop() throws Exception {
        // cancels the schedule and interrupts a poll waiting for Velaro; a poll routing an item finishes it first
        super.doStop();
        if (watched != null) {
            watched.close();
        }
        long timeout = getEndpoint().getCamelContext().getShutdownStrategy().getTimeout();
        TimeUnit unit = getEndpoint().getCamelContext().getShutdownStrategy().getTimeUnit();
        boolean idle = polling.tryLock(timeout, unit);
        try {
            if (!idle) {
                LOG.warn("{} stops while an item is still being routed after {} {}; its offset may be committed late",
                        poller, timeout, unit);
            }
            if (pager != null && idle) {
                pager.dropPending();
            }
            if (repository != null) {
                // last, so that a repository the lease stops (and writes out) holds the final cursor
                OffsetRepositoryLease.release(repository);
                repository = null;
            }
        } finally {
            if (claimed != null) {
                claims.release(claimed, store.key(), this);
                claimed = null;
            }
            if (idle) {
                polling.unlock();
            }
        }
    }

    @Override
    protected int poll() throws Exception {
        if (budget.skip(clock.instant()) || paced != null && paced.skip()) {
            return 0;
        }
        polling.lock();
        long sentBefore = pager.requestsSent();
        try {
            KeysetPager.Outcome outcome = pollOnce();
            if (outcome.waiting()) {
                // the poll's thread is free again; the next poll takes the answer up where this one ended
                LOG.debug("{} delivered {} item(s) and waits for Velaro's answer until its next poll", poller,
                        outcome.delivered());
                if (lastFailure != null) {
                    // still failing: Camel's error count (backoff, health) must not be reset by a poll that waits
                    throw lastFailure;
                }
                return outcome.delivered();
            }
            lastFailure = null;
            lastSuccessfulPoll = clock.instant();
            auth.accepted();
            return outcome.delivered();
        } catch (VelaroRateLimitException e) {
            lastFailure = null;
            budget.pause(e, clock.instant());
            return 0;
        } catch (InterruptedException e) {
            // the consumer is stopping; the cursor is at the last committed item
            Thread.currentThread().interrupt();
            return 0;
        } catch (VelaroException e) {
            if (e.getStatusCode() > 0) {
                addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, e.getStatusCode());
            }
            lastFailure = e;
            throw e;
        } finally {
            reconciliation.pollEnded(pager.requestsSent() - sentBefore);
            if (paced != null) {
                paced.ended(pager.requestsSent() - sentBefore);
            }
            polling.unlock();
        }
    }

    private KeysetPager.Outcome pollOnce() throws InterruptedException {
        PollCursor start = cursor;
        if (start == null) {
            if (startFrom.isNow()) {
                try {
                    anchorAtServerTime();
                } catch (KeysetPager.AnswerPending e) {
                    return new KeysetPager.Outcome(0, 0, null, false, true);
                }
                return new KeysetPager.Outcome(0, 1, cursor, false, false);
            }
            start = PollCursor.at(startFrom.instant());
            commit(start);
        }
        KeysetPager.Outcome outcome = pager.drain(start, this::deliver, this::commit);
        LOG.debug("{} delivered {} item(s) with {} request(s); offset {}", poller, outcome.delivered(),
                outcome.requests(), outcome.cursor());
        return outcome;
    }

    /** startFrom=now: Velaro's own time is the start, so no item is missed or repeated because of clock skew. */
    private void anchorAtServerTime() throws InterruptedException {
        Instant serverNow = pager.serverNow();
        Instant start = serverNow != null ? serverNow : clock.instant();
        commit(PollCursor.at(start));
        LOG.info("{} starts from {} ({})", poller, start,
                serverNow != null ? "Velaro's Date header" : "the local clock: Velaro sent no Date header");
    }

    private void commit(PollCursor next) {
        store.save(next);
        cursor = next;
        failures.passed(next);
    }

    /** Routes one item; a failure is counted, and may have the item skipped. */
    private KeysetPager.Result deliver(Object item, String id, Instant updatedAt) {
        if (reconciliation.receivedAlready(id, updatedAt)) {
            return KeysetPager.Result.SKIPPED;
        }
        Exchange exchange = createExchange(false);
        try {
            try {
                VelaroMessages.setModel(exchange.getMessage(), item);
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure == null && exchange.isRollbackOnly()) {
                failure = new RollbackExchangeException("The exchange was marked rollback-only", exchange);
            }
            if (failure != null) {
                getExceptionHandler().handleException("Error processing a " + items.noun() + " polled from " + poller
                                                      + "; the offset stays before it and it is retried at the next poll",
                        exchange, failure);
                return failures.failed(id, updatedAt, failure)
                        ? KeysetPager.Result.SKIPPED : KeysetPager.Result.FAILED;
            }
            reconciliation.delivered(id, updatedAt);
            if (paced != null) {
                paced.delivered(id);
            }
            return KeysetPager.Result.DELIVERED;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** What the health check shows; never calls Velaro. */
    PollStatus pollStatus() {
        AuthFailureReporter reporter = auth;
        VelaroApi client = api;
        KeysetPager<?> pages = pager;
        return new PollStatus(lastSuccessfulPoll, cursor, budget.until(),
                reporter == null ? null : reporter.currentFailure(), client == null ? null : client.quota(),
                failures.current(), failures.skipped(), failures.lastSkipped(),
                pages == null ? 0 : pages.requestsSent(), reconciliation.counts());
    }

    /** The adaptive pacing's health details; empty with fixed pacing. */
    java.util.Map<String, Object> pacingDetails() {
        return paced == null ? java.util.Map.of() : paced.details();
    }

    /** The failures of items, as the health check reads them. */
    ItemFailures itemFailures() {
        return failures;
    }

    /** The key as {@code vlk_…abcd}; for messages. */
    String maskedKey() {
        return keys.current().masked();
    }

    /** {@code conversation} or {@code contact}; for messages. */
    String itemNoun() {
        return items.noun();
    }

    /** e.g. {@code velaro:conversations?status=open}; for messages. */
    String describe() {
        return poller;
    }
}
