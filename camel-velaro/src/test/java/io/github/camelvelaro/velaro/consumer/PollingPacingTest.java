package io.github.camelvelaro.velaro.consumer;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code pacing=adaptive} on a real poller: Camel's task runs every second and polls only when the pacing says so,
 * the pacing's state is in the health details, and wrong options are refused at start.
 */
class PollingPacingTest extends PollingTestSupport {

    private final ManualScheduler polls = new ManualScheduler();

    private HealthCheck.Result health(String routeId) {
        return consumer(routeId).getHealthCheck().call(Map.of());
    }

    @Test
    void theTaskRunsEverySecondButPollsOnlyWhenThePacingSaysSo() throws Exception {
        FEED.putConversation("c1", t(1));
        context.getRegistry().bind("polls", polls);
        pollInto("r", velaro("conversations", "startFrom=beginning&scheduler=#polls&pacing=adaptive&maxStaleness=10m"));
        VelaroPollingConsumer consumer = consumer("r");
        assertThat(consumer.getDelay()).isEqualTo(PacedPolls.TICK.toMillis());

        polls.run(1); // the first poll is due at once
        assertThat(requests("conversations")).hasSize(1);
        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isEqualTo(1);

        // runs of the task before the next poll is due send nothing
        clock.advance(Duration.ofSeconds(5));
        polls.run(20);
        assertThat(requests("conversations")).hasSize(1);

        Map<String, Object> details = health("r").getDetails();
        assertThat(details).containsEntry(PacedPolls.PACING, "adaptive")
                .containsEntry(PacedPolls.STALENESS_HELD, true).containsKey(PacedPolls.NEXT_POLL)
                .containsKey(PacedPolls.INTERVAL).containsEntry(PacedPolls.REQUESTS_TODAY, 1L);

        // never later than maxStaleness
        clock.advance(Duration.ofMinutes(10));
        polls.run(1);
        assertThat(requests("conversations")).hasSize(2);
    }

    @Test
    void saysInTheHealthDetailsWhenTheBudgetCannotHoldMaxStaleness() throws Exception {
        context.getRegistry().bind("polls", polls);
        // half of 4 requests a day: 2, far from one poll every 10 minutes
        pollInto("r", velaro("conversations", "startFrom=beginning&scheduler=#polls&pacing=adaptive&maxStaleness=600000"
                                              + "&dailyRequestLimit=4"));
        polls.run(2);
        Map<String, Object> details = health("r").getDetails();
        assertThat(details).containsEntry(PacedPolls.STALENESS_HELD, false);
        assertThat(details.get(PacedPolls.NOTE).toString()).contains("cannot pay for a poll every maxStaleness");
    }

    @Test
    void fixedPacingIsTheDefaultAndWrongOptionsAreRefused() throws Exception {
        context.getRegistry().bind("polls", polls);
        pollInto("f", velaro("conversations", "scheduler=#polls"));
        assertThat(consumer("f").getDelay()).isEqualTo(173_000);
        assertThat(health("f").getDetails()).doesNotContainKey(PacedPolls.PACING);

        assertRefused(velaro("conversations", "pacing=sometimes"), "Option pacing must be fixed or adaptive");
        assertRefused(velaro("conversations", "pacing=adaptive&delay=60000&maxStaleness=30000"),
                "Option maxStaleness (PT30S) must not be shorter than delay (PT1M)");
    }

    private void assertRefused(String uri, String message) {
        Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:never");
            }
        }));
        assertThat(messages(failure)).contains(message);
    }
}
