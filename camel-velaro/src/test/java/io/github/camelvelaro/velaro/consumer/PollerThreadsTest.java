package io.github.camelvelaro.velaro.consumer;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelvelaro.velaro.VelaroComponent;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Pollers of one component share one bounded scheduler, and a poll never holds a thread waiting for Velaro. */
class PollerThreadsTest extends PollingTestSupport {

    private static final int POLLERS = 30;

    private VelaroComponent velaro() {
        return context.getComponent("velaro", VelaroComponent.class);
    }

    /** Starts {@link #POLLERS} conversation pollers, each under its own siteId so that their offsets differ. */
    private Set<ScheduledExecutorService> startPollers(String options) throws Exception {
        Set<ScheduledExecutorService> executors = new HashSet<>();
        for (int i = 0; i < POLLERS; i++) {
            String more = options == null ? "delay=60000" : options.contains("delay=") ? options : "delay=60000&" + options;
            pollInto("p" + i, velaro("conversations", "siteId=site" + i + "&" + more));
            executors.add(consumer("p" + i).getScheduledExecutorService());
        }
        return executors;
    }

    /** Live threads of this test's CamelContext (Camel names them "Camel (name) thread #n - pool") in the pool. */
    private long threadsNamed(String pool) {
        String camel = "(" + context.getName() + ")";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(camel) && t.getName().contains(pool)).count();
    }

    @Test
    void pollersShareTheComponentsBoundedScheduler() throws Exception {
        velaro().setPollerThreads(3);
        Set<ScheduledExecutorService> executors = startPollers(null);

        assertThat(executors).hasSize(1).doesNotContainNull();
        // every poller polled once at start (initialDelay=0), yet no more than the component's threads exist
        await().until(() -> FEED.requests().size() >= POLLERS);
        assertThat(threadsNamed(SharedPollerScheduler.NAME)).isBetween(1L, 3L);
    }

    @Test
    void aThreadPoolProfileNamedVelaroPollerSizesTheSharedScheduler() throws Exception {
        context.getExecutorServiceManager().registerThreadPoolProfile(
                new ThreadPoolProfileBuilder(SharedPollerScheduler.NAME).poolSize(2).maxPoolSize(2).maxQueueSize(-1)
                        .build());
        startPollers(null);

        await().until(() -> FEED.requests().size() >= POLLERS);
        assertThat(threadsNamed(SharedPollerScheduler.NAME)).isBetween(1L, 2L);
    }

    @Test
    void theSharedSchedulerStopsWithTheComponent() throws Exception {
        Set<ScheduledExecutorService> executors = startPollers(null);
        ScheduledExecutorService shared = executors.iterator().next();

        context.stop();

        assertThat(shared.isShutdown()).isTrue();
    }

    @Test
    void anEndpointsOwnScheduledExecutorServiceIsHonoured() throws Exception {
        ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
        try {
            context.getRegistry().bind("own", own);
            Set<ScheduledExecutorService> executors = startPollers("scheduledExecutorService=#own");

            assertThat(executors).containsExactly(own);
            context.stop();
            // the user's executor is the user's to stop
            assertThat(own.isShutdown()).isFalse();
        } finally {
            own.shutdownNow();
        }
    }

    @Test
    void pollerThreadsZeroGivesEachPollerItsOwnScheduler() throws Exception {
        velaro().setPollerThreads(0);
        Set<ScheduledExecutorService> executors = startPollers(null);

        // Camel makes each poller's own pool when it starts the consumer
        assertThat(executors).containsOnlyNulls();
        Set<ScheduledExecutorService> started = new HashSet<>();
        for (int i = 0; i < POLLERS; i++) {
            started.add(((DefaultScheduledPollConsumerScheduler) consumer("p" + i).getScheduler())
                    .getScheduledExecutorService());
        }
        assertThat(started).hasSize(POLLERS);
    }

    @Test
    void aPollWhoseRequestWaitsForTheRateLimitEndsAndTheNextPollTakesUpTheAnswer() throws Exception {
        velaro().setTicker(clock.ticker());
        FEED.putConversation("c1", t(1));
        ManualScheduler polls = new ManualScheduler();
        context.getRegistry().bind("polls", polls);
        pollInto("r", velaro("conversations", "startFrom=beginning&rateLimitPerMinute=1&scheduler=#polls"));
        polls.run(1);
        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isEqualTo(1);
        FEED.putConversation("c2", t(2));

        // the minute's one request is spent: this poll's request waits, but the poll does not
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> polls.run(1));
        assertThat(FEED.requests()).hasSize(1);
        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isEqualTo(1);
        assertThat(consumer("r").getErrorCounter()).isZero();

        clock.advance(Duration.ofSeconds(61));
        await().until(() -> FEED.requests().size() == 2);
        // the feed records the request before its answer reaches the client: a poll in between finds it still
        // pending and asks nothing new, so poll until the answer is there
        await().until(() -> {
            polls.run(1);
            return getMockEndpoint("mock:r").getReceivedCounter() == 2;
        });

        // the waiting request's answer is delivered; nothing was asked twice
        assertThat(FEED.requests()).hasSize(2);
    }

    @Test
    void noPollerStarvesWhileTheKeysLimitMakesEveryRequestWait() throws Exception {
        velaro().setPollerThreads(2);
        velaro().setTicker(clock.ticker());
        // one request a minute for all of them: after the first, every poll's request waits for the governor
        startPollers("rateLimitPerMinute=1&delay=20");

        // on two threads, a poll holding its thread for the wait would stop all the others from polling again
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (int i = 0; i < POLLERS; i++) {
                if (consumer("p" + i).getCounter() < 5) {
                    return false;
                }
            }
            return true;
        });
        assertThat(FEED.requests()).hasSizeLessThanOrEqualTo(2);
    }
}
