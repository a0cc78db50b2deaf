package io.github.camelvelaro.benchmarks.soak;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelvelaro.benchmarks.soak.DeliveryLog.Delivery;
import io.github.camelvelaro.benchmarks.soak.SoakTraffic.Version;

/**
 * The sandbox's truth against the delivery log. Lost: a conversation whose final version ({@code id},
 * {@code updatedAt}) was never delivered. Duplicate: a version delivered more than once, attributed to the kill that
 * ended the poller run which delivered it, when the next run that delivered anything delivered it again. The
 * guarantee: nothing lost, and at most one duplicate per kill (the exchange whose line was on disk when the kill cut
 * off its offset commit).
 */
final class SoakVerdict {

    private static final int SHOWN = 20;

    private final int kills;
    private final int versionsMade;
    private final int finalVersions;
    private final int deliveredLines;
    private final int distinctDelivered;
    private final List<Version> lost = new ArrayList<>();
    private final List<String> neverDelivered = new ArrayList<>();
    private final List<Version> unknown = new ArrayList<>();
    private final int[] duplicatesPerKill;
    /** The last line of each poller run that delivered anything. */
    private final Map<Integer, Delivery> lastOfSegment = new HashMap<>();
    private final List<String> duplicates = new ArrayList<>();
    private int duplicatesWithinRun;
    private int duplicatesAcrossRuns;
    private int duplicatesOfLastLineBeforeKill;
    private int backwardSteps;
    private final List<String> malformed;

    SoakVerdict(Set<Version> made, Map<String, Instant> finals, DeliveryLog log, int kills) {
        this.kills = kills;
        this.versionsMade = made.size();
        this.finalVersions = finals.size();
        this.malformed = log.malformed();
        this.duplicatesPerKill = new int[kills + 1];
        List<Delivery> deliveries = log.deliveries();
        this.deliveredLines = deliveries.size();

        Map<Version, Delivery> previous = new HashMap<>();
        Set<String> deliveredIds = new HashSet<>();
        deliveries.forEach(d -> lastOfSegment.put(d.segment(), d));
        Instant before = Instant.MIN;
        for (Delivery d : deliveries) {
            Version v = d.version();
            deliveredIds.add(v.id());
            if (!made.contains(v)) {
                unknown.add(v);
            }
            if (v.updatedAt().isBefore(before)) {
                backwardSteps++;
            }
            before = v.updatedAt();
            Delivery earlier = previous.put(v, d);
            if (earlier != null) {
                classifyDuplicate(earlier, d);
            }
        }
        this.distinctDelivered = previous.size();
        finals.forEach((id, updatedAt) -> {
            Version v = new Version(id, updatedAt);
            if (!previous.containsKey(v)) {
                lost.add(v);
            }
            if (!deliveredIds.contains(id)) {
                neverDelivered.add(id);
            }
        });
    }

    /**
     * A repeat is the kill's when it comes from the next poller run that delivered anything after the run that
     * delivered it first: runs killed before their first delivery (a cold JVM on a busy machine) leave it to the next.
     */
    private void classifyDuplicate(Delivery earlier, Delivery again) {
        String where;
        if (again.segment() == earlier.segment()) {
            duplicatesWithinRun++;
            where = "within poller run " + again.segment();
        } else if (again.segment() == nextRunThatDelivered(earlier.segment())) {
            int kill = earlier.segment() + 1;
            duplicatesPerKill[kill]++;
            boolean last = lastOfSegment.get(earlier.segment()) == earlier;
            if (last) {
                duplicatesOfLastLineBeforeKill++;
            }
            where = "across kill " + kill + silentRuns(kill, again.segment() - 1)
                    + (last ? ", the last line before the kill" : "");
        } else {
            duplicatesAcrossRuns++;
            where = "in poller runs " + earlier.segment() + " and " + again.segment();
        }
        duplicates.add(again.version().id() + " " + again.version().updatedAt() + ": lines " + earlier.line() + " and "
                       + again.line() + ", " + where);
    }

    /** e.g. {@code  (run 6 delivered nothing)}; empty when there were no such runs. */
    private static String silentRuns(int first, int last) {
        if (last < first) {
            return "";
        }
        return " (" + (last == first ? "run " + first : "runs " + first + "-" + last) + " delivered nothing)";
    }

    private int nextRunThatDelivered(int segment) {
        for (int s = segment + 1; s <= kills; s++) {
            if (lastOfSegment.containsKey(s)) {
                return s;
            }
        }
        return -1;
    }

    int deliveredLines() {
        return deliveredLines;
    }

    int duplicateCount() {
        return deliveredLines - distinctDelivered;
    }

    int maxDuplicatesPerKill() {
        int max = 0;
        for (int count : duplicatesPerKill) {
            max = Math.max(max, count);
        }
        return max;
    }

    /** The guarantee held: nothing lost, at most one duplicate per kill, and only what the sandbox made delivered. */
    boolean passed() {
        return lost.isEmpty() && neverDelivered.isEmpty() && unknown.isEmpty() && malformed.isEmpty()
               && duplicateCount() <= kills && maxDuplicatesPerKill() <= 1 && duplicatesWithinRun == 0
               && duplicatesAcrossRuns == 0;
    }

    void print(PrintStream out) {
        out.printf("  conversations (final versions)  %,d%n", finalVersions);
        out.printf("  versions made                   %,d%n", versionsMade);
        out.printf("  delivered lines                 %,d%n", deliveredLines);
        out.printf("  distinct versions delivered     %,d (the other %,d were replaced before a poller read them, "
                   + "or while none ran: not losses)%n", distinctDelivered,
                Math.max(0, versionsMade - distinctDelivered - lost.size()));
        out.printf("  LOST final versions             %,d%n", lost.size());
        out.printf("  ids never delivered             %,d%n", neverDelivered.size());
        out.printf("  DUPLICATES                      %,d (at most %d per kill expected: %d)%n", duplicateCount(), 1,
                kills);
        out.printf("    per kill                      %s%n", perKill());
        out.printf("    the last line before a kill   %,d%n", duplicatesOfLastLineBeforeKill);
        out.printf("    within one poller run         %,d%n", duplicatesWithinRun);
        out.printf("    not from the next run         %,d (repeated by a later run than the next one that delivered)%n",
                duplicatesAcrossRuns);
        out.printf("  delivered versions never made   %,d%n", unknown.size());
        out.printf("  updatedAt going backwards       %,d (lines whose updatedAt is before the previous line's)%n",
                backwardSteps);
        out.printf("  malformed lines                 %,d%n", malformed.size());
        list(out, "Lost (id, final updatedAt)", lost.stream().map(v -> v.id() + " " + v.updatedAt()).toList());
        list(out, "Never delivered", neverDelivered);
        list(out, "Duplicates", duplicates);
        list(out, "Delivered but never made", unknown.stream().map(v -> v.id() + " " + v.updatedAt()).toList());
        list(out, "Malformed", malformed);
    }

    /** e.g. {@code 1 0 1 1 …}, one figure per kill in order. */
    private String perKill() {
        StringBuilder text = new StringBuilder();
        for (int k = 1; k <= kills; k++) {
            text.append(k > 1 ? " " : "").append(duplicatesPerKill[k]);
        }
        return text.toString();
    }

    private static void list(PrintStream out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println("  " + title + ":");
        items.stream().limit(SHOWN).forEach(item -> out.println("    " + item));
        if (items.size() > SHOWN) {
            out.println("    … and " + (items.size() - SHOWN) + " more");
        }
    }
}
