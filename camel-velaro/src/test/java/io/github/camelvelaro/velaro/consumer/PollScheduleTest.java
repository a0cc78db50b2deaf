package io.github.camelvelaro.velaro.consumer;

import java.util.List;

import io.github.camelvelaro.velaro.LogCapture;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The budget-aware default delay, the warning for a delay that overspends, and options refused at start. */
class PollScheduleTest extends PollingTestSupport {

    private VelaroPollingConsumer start(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // autoStartup=false: the consumer is built and configured, but polls nothing
                from(uri).routeId(routeId).autoStartup(false).to("mock:" + routeId);
            }
        });
        VelaroPollingConsumer consumer = (VelaroPollingConsumer) context.getRoute(routeId).getConsumer();
        consumer.init();
        return consumer;
    }

    @Test
    void withoutADelayOnePollerUsesAtMostHalfTheDailyLimit() throws Exception {
        assertThat(start("a", velaro("conversations", "")).getDelay()).isEqualTo(173_000);
        assertThat(start("b", velaro("conversations", "dailyRequestLimit=100")).getDelay()).isEqualTo(1_728_000);
        assertThat(start("c", velaro("contacts", "dailyRequestLimit=1000&timeUnit=SECONDS")).getDelay()).isEqualTo(173);
        // rounded up in coarse units: 3 minutes, not 2
        assertThat(start("d", velaro("contacts", "dailyRequestLimit=1000&timeUnit=MINUTES")).getDelay()).isEqualTo(3);
        assertThat(start("e", velaro("contacts", "dailyRequestLimit=10000000")).getDelay()).isEqualTo(1000);

        assertThat(PollSchedule.defaultDelaySeconds(1000)).isEqualTo(173);
        assertThat(86_400 / PollSchedule.defaultDelaySeconds(1000)).isLessThanOrEqualTo(500);
        assertThat(86_400 / PollSchedule.defaultDelaySeconds(777)).isLessThanOrEqualTo(777 / 2);
    }

    @Test
    void anExplicitDelayWinsAndWarnsWhenItWouldOverspend() throws Exception {
        try (LogCapture logs = LogCapture.all()) {
            assertThat(start("fast", velaro("conversations", "delay=60000")).getDelay()).isEqualTo(60_000);
            assertThat(start("slow", velaro("contacts", "delay=100&timeUnit=SECONDS")).getDelay()).isEqualTo(100);

            List<String> warnings = logs.lines().stream().filter(l -> l.contains("requests/day")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("velaro:conversations").contains("1440 requests/day")
                    .contains("dailyRequestLimit=1000");
        }
    }

    @Test
    void explicitBackoffOptionsAreKept() throws Exception {
        VelaroPollingConsumer consumer = start("r",
                velaro("conversations", "backoffErrorThreshold=1&backoffMultiplier=4"));
        assertThat(consumer.getBackoffErrorThreshold()).isEqualTo(1);
        assertThat(consumer.getBackoffMultiplier()).isEqualTo(4);
    }

    @Test
    void optionsThatCannotWorkAreRefusedAtStartNamingTheOption() {
        assertRefused(velaro("contacts", "status=open"), "Option status filters conversations only");
        assertRefused(velaro("conversations", "scopes=read:contacts"),
                "Polling velaro:conversations needs the scope read:conversations");
        assertRefused(velaro("conversations", "pageSize=101"), "Option pageSize must be between 1 and 100");
        assertRefused("velaro:conversations?baseUrl=" + baseUrl(), "Option apiKey is required");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    private void assertRefused(String uri, String message) {
        Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:never");
            }
        }));
        assertThat(messages(failure)).contains(message).doesNotContain(KEY);
    }
}
