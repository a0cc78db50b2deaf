package io.github.camelvelaro.velaro.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelvelaro.velaro.MutableClock;
import io.github.camelvelaro.velaro.webhook.DeliveryGate.Admission;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One key passes once, also when deliveries race; only a completed key is a duplicate; a key claimed elsewhere is in
 * progress, until its claim is released or expires.
 */
class WebhookDeliveryGateTest {

    private final MemoryIdempotentRepository completed = memory();
    private final MutableClock clock = new MutableClock();
    private final ExpiringMemoryIdempotentRepository claims =
            new ExpiringMemoryIdempotentRepository(Duration.ofMinutes(10), clock);
    private final DeliveryGate gate = new DeliveryGate(completed, claims);

    private static MemoryIdempotentRepository memory() {
        return (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository(100);
    }

    @Test
    void racingDeliveriesAdmitOne() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Admission>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Admission> admit = () -> {
                    start.await();
                    return gate.admit("evt_1");
                };
                results.add(pool.submit(admit));
            }
            start.countDown();
            List<Admission> admissions = new ArrayList<>();
            for (Future<Admission> f : results) {
                admissions.add(f.get());
            }
            assertThat(admissions).filteredOn(a -> a == Admission.ADMITTED).hasSize(1);
            assertThat(admissions).filteredOn(a -> a != Admission.ADMITTED).allMatch(a -> a == Admission.IN_PROGRESS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyACompletedKeyIsADuplicate() {
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.ADMITTED);
        assertThat(completed.contains("evt_1")).as("claimed, not completed").isFalse();
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.IN_PROGRESS);

        gate.failed("evt_1");
        assertThat(claims.contains("evt_1")).isFalse();
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.ADMITTED);

        gate.accepted("evt_1");
        assertThat(completed.contains("evt_1")).isTrue();
        assertThat(claims.contains("evt_1")).as("released once completed").isFalse();
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.DUPLICATE);
        assertThat(gate.admit("evt_1")).as("a duplicate holds nothing").isEqualTo(Admission.DUPLICATE);
        assertThat(claims.contains("evt_1")).isFalse();
    }

    @Test
    void aKeyClaimedByAnotherNodeIsInProgressUntilReleasedOrExpired() {
        DeliveryGate otherNode = new DeliveryGate(completed, claims);
        assertThat(otherNode.admit("evt_1")).isEqualTo(Admission.ADMITTED);
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.IN_PROGRESS);
        otherNode.failed("evt_1");
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.ADMITTED);

        // this node dies holding evt_1: the claim is never released, and expires
        assertThat(otherNode.admit("evt_1")).isEqualTo(Admission.IN_PROGRESS);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(otherNode.admit("evt_1")).isEqualTo(Admission.IN_PROGRESS);
        clock.advance(Duration.ofSeconds(1));
        assertThat(otherNode.admit("evt_1")).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void aDeliveryCompletedBetweenTheCheckAndTheClaimIsADuplicate() {
        // the other node records evt_1 as completed and releases its claim right after this node's first check
        AtomicBoolean checkedOnce = new AtomicBoolean();
        MemoryIdempotentRepository racing = new MemoryIdempotentRepository(new HashMap<>()) {
            @Override
            public boolean contains(String key) {
                if (checkedOnce.compareAndSet(false, true)) {
                    return false;
                }
                return true;
            }
        };
        DeliveryGate late = new DeliveryGate(racing, claims);
        assertThat(late.admit("evt_1")).isEqualTo(Admission.DUPLICATE);
        assertThat(claims.contains("evt_1")).as("the claim taken meanwhile is released").isFalse();
    }

    @Test
    void aClaimThatFailsBecauseAnotherNodeJustClaimedIsInProgress() {
        // camel-sql's add is check-then-insert: a concurrent insert of the same key fails on the primary key
        MemoryIdempotentRepository checkThenInsert = new MemoryIdempotentRepository(new HashMap<>()) {
            @Override
            public boolean add(String key) {
                super.add(key);
                throw new IllegalStateException("duplicate key value violates unique constraint");
            }
        };
        assertThat(new DeliveryGate(completed, checkThenInsert).admit("evt_1")).isEqualTo(Admission.IN_PROGRESS);
    }

    @Test
    void aFailingRepositoryHoldsNothingAndIsReported() {
        MemoryIdempotentRepository down = new MemoryIdempotentRepository(new HashMap<>()) {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("repository down");
            }
        };
        DeliveryGate broken = new DeliveryGate(completed, down);
        for (int i = 0; i < 2; i++) {
            // the second attempt must fail the same way, not answer IN_PROGRESS
            assertThat(catchThrowable(() -> broken.admit("evt_1"))).hasMessage("repository down");
        }

        MemoryIdempotentRepository completedDown = new MemoryIdempotentRepository(new HashMap<>()) {
            @Override
            public boolean contains(String key) {
                throw new IllegalStateException("completed repository down");
            }
        };
        assertThat(catchThrowable(() -> new DeliveryGate(completedDown, claims).admit("evt_2")))
                .hasMessage("completed repository down");
        assertThat(claims.contains("evt_2")).isFalse();
    }

    @Test
    void aCompletedRepositoryFailureStillReleasesTheClaim() {
        MemoryIdempotentRepository cannotRecord = new MemoryIdempotentRepository(new HashMap<>()) {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("completed repository down");
            }
        };
        DeliveryGate gate = new DeliveryGate(cannotRecord, claims);
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.ADMITTED);
        assertThat(catchThrowable(() -> gate.accepted("evt_1"))).hasMessage("completed repository down");
        assertThat(claims.contains("evt_1")).isFalse();
    }
}
