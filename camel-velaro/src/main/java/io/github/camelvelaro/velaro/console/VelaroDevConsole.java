package io.github.camelvelaro.velaro.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.metrics.BudgetChart;
import io.github.camelvelaro.velaro.metrics.BudgetDay;
import io.github.camelvelaro.velaro.metrics.RecentError;
import io.github.camelvelaro.velaro.metrics.VelaroActivity;
import io.github.camelvelaro.velaro.metrics.WatchedKey;
import io.github.camelvelaro.velaro.metrics.WatchedPoller;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code velaro} dev console, which Camel's developer tools read (camel-main's HTTP server under {@code /q/dev},
 * Spring Boot's {@code camel} actuator, Quarkus' {@code /q/camel/dev-console}): per velaro component, the quota of every key (masked), every poller's cursor and lag, the last errors and
 * today's requests per hour against the budget. It never calls Velaro and shows no secret: keys appear masked and by
 * fingerprint, and neither a webhook secret nor a trigger URL is ever held by what it reads.
 */
@DevConsole(name = "velaro", displayName = "Velaro", description = "Velaro quota, pollers, last errors and the day's budget")
public class VelaroDevConsole extends AbstractDevConsole {

    public VelaroDevConsole() {
        super("camel", "velaro", "Velaro", "Velaro quota, pollers, last errors and the day's budget");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, VelaroComponent> entry : components()) {
            VelaroActivity activity = entry.getValue().activity();
            Clock clock = activity.clock();
            sb.append("Component ").append(entry.getKey()).append('\n');
            sb.append("  Quota\n");
            List<WatchedKey> keys = sortedKeys(activity);
            if (keys.isEmpty()) {
                sb.append("    no key used yet\n");
            }
            for (WatchedKey key : keys) {
                sb.append("    ").append(key.masked()).append(" (").append(key.fingerprint()).append("): ")
                        .append(quotaText(key.snapshot())).append('\n');
            }
            sb.append("  Pollers\n");
            List<WatchedPoller> pollers = sortedPollers(activity);
            if (pollers.isEmpty()) {
                sb.append("    none running\n");
            }
            for (WatchedPoller poller : pollers) {
                Duration lag = poller.lag(clock);
                sb.append("    ").append(poller.routeId()).append("  ").append(poller.name())
                        .append("  key ").append(poller.key().get())
                        .append("  cursor ").append(orDash(poller.cursor().get()))
                        .append("  lag ").append(lag == null ? "-" : TimeUtils.printDuration(lag, true))
                        .append("  last poll ").append(orDash(poller.lastSuccessfulPoll().get())).append('\n');
            }
            sb.append("  Last errors\n");
            List<RecentError> errors = activity.errors();
            if (errors.isEmpty()) {
                sb.append("    none\n");
            }
            for (RecentError error : errors) {
                sb.append("    ").append(error.at()).append("  ").append(error.source())
                        .append(error.status() == 0 ? "" : " " + error.status()).append(": ")
                        .append(error.message()).append('\n');
            }
            sb.append("  Budget\n");
            for (String line : BudgetChart.render(today(entry.getValue(), keys))) {
                sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray list = new JsonArray();
        root.put("components", list);
        for (Map.Entry<String, VelaroComponent> entry : components()) {
            VelaroActivity activity = entry.getValue().activity();
            Clock clock = activity.clock();
            JsonObject jo = new JsonObject();
            jo.put("name", entry.getKey());
            List<WatchedKey> keys = sortedKeys(activity);
            JsonArray quota = new JsonArray();
            for (WatchedKey key : keys) {
                quota.add(quotaJson(key));
            }
            jo.put("quota", quota);
            JsonArray pollers = new JsonArray();
            for (WatchedPoller poller : sortedPollers(activity)) {
                JsonObject po = new JsonObject();
                po.put("routeId", poller.routeId());
                po.put("poller", poller.name());
                po.put("key", poller.key().get());
                putIfSet(po, "cursor", poller.cursor().get());
                Duration lag = poller.lag(clock);
                if (lag != null) {
                    po.put("lagMillis", lag.toMillis());
                }
                putIfSet(po, "lastSuccessfulPoll", poller.lastSuccessfulPoll().get());
                pollers.add(po);
            }
            jo.put("pollers", pollers);
            JsonArray errors = new JsonArray();
            for (RecentError error : activity.errors()) {
                JsonObject eo = new JsonObject();
                eo.put("at", error.at().toString());
                eo.put("source", error.source());
                eo.put("status", error.status());
                eo.put("message", error.message());
                errors.add(eo);
            }
            jo.put("errors", errors);
            BudgetDay day = today(entry.getValue(), keys);
            JsonObject budget = new JsonObject();
            budget.put("day", day.day().toString());
            budget.put("dailyLimit", day.dailyLimit());
            budget.put("used", day.used());
            budget.put("hour", day.hour());
            JsonArray perHour = new JsonArray();
            for (long count : day.perHour()) {
                perHour.add(count);
            }
            budget.put("requestsPerHour", perHour);
            jo.put("budget", budget);
            list.add(jo);
        }
        return root;
    }

    /** The velaro components of the CamelContext (usually one, named {@code velaro}), by name. */
    private List<Map.Entry<String, VelaroComponent>> components() {
        List<Map.Entry<String, VelaroComponent>> found = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof VelaroComponent velaro) {
                found.add(Map.entry(name, velaro));
            }
        }
        found.sort(Map.Entry.comparingByKey());
        return found;
    }

    /** Today's requests against the daily limit the keys' endpoints use (the component's when no key is known). */
    private static BudgetDay today(VelaroComponent component, List<WatchedKey> keys) {
        int limit = keys.stream().map(WatchedKey::snapshot).filter(q -> q != null)
                .mapToInt(QuotaSnapshot::dailyLimit).max().orElse(component.getAccount().getDailyRequestLimit());
        return component.activity().today(limit);
    }

    private static List<WatchedKey> sortedKeys(VelaroActivity activity) {
        List<WatchedKey> keys = activity.keys();
        keys.sort(Comparator.comparing(WatchedKey::masked).thenComparing(WatchedKey::fingerprint));
        return keys;
    }

    private static List<WatchedPoller> sortedPollers(VelaroActivity activity) {
        List<WatchedPoller> pollers = activity.pollers();
        pollers.sort(Comparator.comparing(WatchedPoller::routeId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(WatchedPoller::name));
        return pollers;
    }

    static String quotaText(QuotaSnapshot q) {
        if (q == null) {
            return "not known (component stopped)";
        }
        StringBuilder b = new StringBuilder()
                .append(q.minuteRemaining()).append(" of ").append(q.minuteLimit()).append(" left this minute · ")
                .append(Math.max(0, q.dailyLimit() - q.dailyUsed())).append(" of ").append(q.dailyLimit())
                .append(" left today (UTC)");
        if (q.monthRemaining() != null) {
            b.append(" · ").append(q.monthRemaining()).append(" left this month");
        }
        if (q.blockedUntil() != null) {
            b.append(" · next request at ").append(q.blockedUntil());
        }
        return b.toString();
    }

    private static JsonObject quotaJson(WatchedKey key) {
        JsonObject qo = new JsonObject();
        qo.put("key", key.masked());
        qo.put("keyFingerprint", key.fingerprint());
        QuotaSnapshot q = key.snapshot();
        if (q != null) {
            qo.put("minuteLimit", q.minuteLimit());
            qo.put("minuteRemaining", q.minuteRemaining());
            qo.put("dailyLimit", q.dailyLimit());
            qo.put("dailyUsed", q.dailyUsed());
            qo.put("dailyRemaining", Math.max(0, q.dailyLimit() - q.dailyUsed()));
            putIfSet(qo, "monthRemaining", q.monthRemaining());
            putIfSet(qo, "blockedUntil", q.blockedUntil());
        }
        return qo;
    }

    private static void putIfSet(JsonObject json, String name, Object value) {
        if (value != null) {
            json.put(name, value instanceof Number ? value : value.toString());
        }
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
