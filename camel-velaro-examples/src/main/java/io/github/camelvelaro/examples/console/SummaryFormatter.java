package io.github.camelvelaro.examples.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.camelvelaro.examples.routes.RouteIds;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.metrics.BudgetChart;
import io.github.camelvelaro.velaro.metrics.BudgetDay;

/** Turns the counts and the quota into the console's compact summary block. */
public final class SummaryFormatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int RULE_WIDTH = 78;
    /** Rows of the budget chart: small, since the block is printed every period. */
    private static final int BUDGET_CHART_HEIGHT = 4;

    private final Map<String, String> disabledRoutes;

    /** @param disabledRoutes routes left out, by id, with the environment variable that would enable each */
    public SummaryFormatter(Map<String, String> disabledRoutes) {
        this.disabledRoutes = Map.copyOf(disabledRoutes);
    }

    /**
     * The block: a rule with the time and uptime, then one line each for polling, webhooks, follow-ups, contacts,
     * workflows, quota and errors.
     */
    public List<String> format(String title, StatsSnapshot s, Optional<QuotaSnapshot> quota, Instant now,
                               Duration uptime) {
        List<String> lines = new ArrayList<>();
        lines.add(heading(title, now, uptime));
        lines.add(line("Polled", s.conversationsPolled() + " conversation " + plural(s.conversationsPolled(), "change")));
        lines.add(line("Webhooks", off(RouteIds.WEBHOOK_EVENTS).orElseGet(() -> events(s))));
        lines.add(line("Resolved", s.followedUp() + " " + plural(s.followedUp(), "conversation") + " followed up ("
                                   + s.followedUpFromWebhook() + " from webhooks, " + s.followedUpFromPolling()
                                   + " from polling)"));
        lines.add(line("Contacts", s.contactsCreated() + " created · " + s.contactsUpdated() + " updated"));
        lines.add(line("Workflows", off(RouteIds.FOLLOW_UP_WORKFLOW).orElseGet(
                () -> s.workflowsTriggered() + " follow-up " + plural(s.workflowsTriggered(), "survey") + " started")));
        lines.add(line("Quota", quota.map(SummaryFormatter::quota).orElse("not known yet")));
        lines.add(line("Errors", s.errors() == 0 ? "none" : s.errors() + ", last: " + s.lastError()));
        return lines;
    }

    /**
     * Today's requests per hour against the budget line, as a small text chart under the block (nothing before the
     * first request): users would rather look than read.
     */
    public List<String> budget(Optional<BudgetDay> day) {
        if (day.isEmpty()) {
            return List.of();
        }
        List<String> chart = BudgetChart.render(day.get(), BUDGET_CHART_HEIGHT);
        List<String> lines = new ArrayList<>();
        lines.add(line("Budget", chart.get(0)));
        chart.subList(1, chart.size()).forEach(l -> lines.add(line("", l)));
        return lines;
    }

    /** The block's first line: a rule with the title, the time and the uptime. */
    public String heading(String title, Instant now, Duration uptime) {
        String head = "── " + title + " · " + TIME.format(now) + " · up " + uptime(uptime) + " ";
        return head + "─".repeat(Math.max(3, RULE_WIDTH - head.length()));
    }

    private Optional<String> off(String routeId) {
        String variable = disabledRoutes.get(routeId);
        return variable == null ? Optional.empty() : Optional.of("off (set " + variable + ")");
    }

    private static String events(StatsSnapshot s) {
        if (s.eventsByType().isEmpty()) {
            return "0 events";
        }
        return s.eventsReceived() + " " + plural(s.eventsReceived(), "event") + ": " + s.eventsByType().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "));
    }

    private static String quota(QuotaSnapshot q) {
        StringBuilder b = new StringBuilder()
                .append(q.minuteUsed()).append('/').append(q.minuteLimit()).append(" this minute · ")
                .append(q.dailyUsed()).append('/').append(q.dailyLimit()).append(" today (UTC)");
        if (q.monthRemaining() != null) {
            b.append(" · ").append(q.monthRemaining()).append(" left this month");
        }
        if (q.blockedUntil() != null) {
            b.append(" · next request at ").append(TIME.format(q.blockedUntil()));
        }
        return b.toString();
    }

    private static String line(String label, String text) {
        return String.format("  %-10s %s", label, text);
    }

    private static String plural(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }

    private static String uptime(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : String.format("%d:%02d", s / 60, s % 60) + " min";
    }
}
