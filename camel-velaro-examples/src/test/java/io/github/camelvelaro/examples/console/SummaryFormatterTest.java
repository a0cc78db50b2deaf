package io.github.camelvelaro.examples.console;

import io.github.camelvelaro.velaro.exception.VelaroServerException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.metrics.BudgetDay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryFormatterTest {

    private static final Instant NOW = LocalDateTime.parse("2026-11-27T10:15:30").atZone(ZoneId.systemDefault())
            .toInstant();

    @Test
    void oneLineForEachPartOfTheExample() {
        Map<String, Long> events = new LinkedHashMap<>();
        events.put("contact.created", 2L);
        events.put("conversation.resolved", 3L);
        StatsSnapshot stats = new StatsSnapshot(9, events, 2, 1, 2, 1, 3, 0, null);
        QuotaSnapshot quota = new QuotaSnapshot("vlk_…abcd", 60, 14, 46, null, 1000, 61, NOW.plusSeconds(3600), null,
                null);

        assertThat(new SummaryFormatter(Map.of()).format("Velaro example", stats, Optional.of(quota), NOW,
                Duration.ofSeconds(75))).containsExactly(
                "── Velaro example · 10:15:30 · up 1:15 min ───────────────────────────────────",
                "  Polled     9 conversation changes",
                "  Webhooks   5 events: contact.created 2 · conversation.resolved 3",
                "  Resolved   3 conversations followed up (2 from webhooks, 1 from polling)",
                "  Contacts   2 created · 1 updated",
                "  Workflows  3 follow-up surveys started",
                "  Quota      14/60 this minute · 61/1000 today (UTC)",
                "  Errors     none");
    }

    @Test
    void leftOutRoutesSayWhatToSetAndErrorsShowTheLastOne() {
        StatsSnapshot stats = new StatsSnapshot(1, Map.of(), 0, 1, 1, 0, 0, 2,
                "upsert-contact: VelaroServerException: Velaro answered 503");
        QuotaSnapshot spent = new QuotaSnapshot("vlk_…abcd", 60, 60, 0, null, 1000, 1000, NOW.plusSeconds(3600), 120,
                NOW.plusSeconds(30));

        assertThat(new SummaryFormatter(Map.of("webhook-events", "VELARO_WEBHOOK_SECRET", "follow-up-workflow",
                "VELARO_WORKFLOW_TRIGGER_URL")).format("Velaro example", stats, Optional.of(spent), NOW,
                Duration.ofSeconds(10))).contains(
                "  Polled     1 conversation change",
                "  Webhooks   off (set VELARO_WEBHOOK_SECRET)",
                "  Resolved   1 conversation followed up (0 from webhooks, 1 from polling)",
                "  Workflows  off (set VELARO_WORKFLOW_TRIGGER_URL)",
                "  Quota      60/60 this minute · 1000/1000 today (UTC) · 120 left this month · next request at 10:16:00",
                "  Errors     2, last: upsert-contact: VelaroServerException: Velaro answered 503");
    }

    @Test
    void beforeTheFirstRequestTheQuotaIsNotKnown() {
        StatsSnapshot nothing = new StatsSnapshot(0, Map.of(), 0, 0, 0, 0, 0, 0, null);

        assertThat(new SummaryFormatter(Map.of()).format("Velaro example", nothing, Optional.empty(), NOW,
                Duration.ZERO)).contains("  Webhooks   0 events", "  Quota      not known yet");
    }

    @Test
    void theDaysBudgetIsDrawnUnderTheBlock() {
        long[] perHour = new long[24];
        perHour[8] = 30;
        perHour[9] = 10;
        // 480 a day is 20 an hour: hour 8 spent half as much again, hour 9 half of it
        BudgetDay day = new BudgetDay(LocalDate.parse("2026-11-27"), perHour, 10, 480);

        assertThat(new SummaryFormatter(Map.of()).budget(Optional.of(day))).containsExactly(
                "  Budget     Requests per hour, 2026-11-27 (UTC): 40 of 480 (8%), hour 10 now",
                "             30 |                #",
                "             20 |----------------#------------------------------",
                "                |                #",
                "                |                # #",
                "              0 +------------------------------------------------",
                "                 0           6           12          18        23");
        assertThat(new SummaryFormatter(Map.of()).budget(Optional.empty())).isEmpty();
    }
}
