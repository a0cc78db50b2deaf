package io.github.camelvelaro.velaro.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelvelaro.velaro.webhook.DeliveryGate.Admission;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One key passes once, also when deliveries race, and comes back after a failure. */
class WebhookDeliveryGateTest {

    private final MemoryIdempotentRepository repository =
            (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository(100);
    private final DeliveryGate gate = new DeliveryGate(repository);

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
    void acceptedKeysAreDuplicatesFailedKeysComeBack() {
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.ADMITTED);
        gate.failed("evt_1");
        assertThat(repository.contains("evt_1")).isFalse();
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.ADMITTED);
        gate.accepted("evt_1");
        assertThat(repository.contains("evt_1")).isTrue();
        assertThat(gate.admit("evt_1")).isEqualTo(Admission.DUPLICATE);
        assertThat(gate.admit("evt_1")).as("a duplicate holds nothing").isEqualTo(Admission.DUPLICATE);
    }

    @Test
    void aFailingRepositoryHoldsNothing() {
        DeliveryGate broken = new DeliveryGate(new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("repository down");
            }
        });
        for (int i = 0; i < 2; i++) {
            try {
                broken.admit("evt_1");
            } catch (IllegalStateException expected) {
                // the second attempt must fail the same way, not answer IN_PROGRESS
                assertThat(expected).hasMessage("repository down");
                continue;
            }
            throw new AssertionError("admit should have failed");
        }
    }
}
