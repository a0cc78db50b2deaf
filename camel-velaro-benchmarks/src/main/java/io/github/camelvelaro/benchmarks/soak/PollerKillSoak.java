package io.github.camelvelaro.benchmarks.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelvelaro.benchmarks.soak.DeliveryLog.Delivery;
import io.github.camelvelaro.benchmarks.soak.SoakTraffic.Version;
import io.github.camelvelaro.sandbox.SandboxClock;
import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.sandbox.limits.LimitSettings;
import io.github.camelvelaro.sandbox.limits.ResetFormat;
import io.github.camelvelaro.velaro.client.VelaroScope;
import io.github.camelvelaro.velaro.model.Conversation;

/**
 * A soak anyone can run: a {@code velaro:conversations} poller in a JVM of its own is killed with SIGKILL N times
 * while the sandbox creates and edits conversations steadily, restarted after each kill, and finally left to drain
 * and stopped; then the sandbox's versions are compared with what the pollers delivered. Exits 0 when nothing was
 * lost and there were at most as many duplicates as kills (and none of the other faults {@link SoakVerdict} checks),
 * 1 when the guarantee failed, 2 when the soak itself could not run.
 * <p>
 * The sandbox runs in this JVM with limits no poller reaches (1,000,000 requests per minute, 100,000,000 per day; the
 * monthly cap {@link Integer#MAX_VALUE} is only there to count the requests), and the poller's component has its own
 * limits lifted as well. See docs/benchmarks.md for the command.
 */
public final class PollerKillSoak {

    private static final LimitSettings UNTHROTTLED = new LimitSettings(1_000_000, 100_000_000, Integer.MAX_VALUE,
            ResetFormat.DELTA_SECONDS);
    private static final Duration DRAIN_CHECK = Duration.ofMillis(250);
    private static final Duration DRAIN_QUIET = Duration.ofSeconds(30);
    private static final int LOG_TAIL = 40;
    private static final int MAX_FAILED_STARTS = 3;
    private static final int MAX_LINES_BEFORE_KILL = 50;
    /** Every version the traffic made, {@code <id> <updatedAt>} in updatedAt order. */
    static final String VERSIONS_FILE = "versions.log";

    private final SoakSettings settings;
    private final Path dir;
    private final Path deliveries;
    private final Random random;
    private int failedStarts;
    private int cutOffsetWrites;

    private PollerKillSoak(SoakSettings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
        this.deliveries = dir.resolve(DeliveryLog.FILE_NAME);
        this.random = new Random(settings.seed() ^ 0x5DEECE66DL);
    }

    public static void main(String[] args) throws Exception {
        SoakSettings settings;
        try {
            settings = SoakSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path dir = settings.dir().toAbsolutePath()
                .resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        System.exit(new PollerKillSoak(settings, dir).run());
    }

    private int run() throws Exception {
        System.out.printf("Poller kill soak: %d kills, seed %d, a batch of 1-%d changes every %d ms, kill up to %d ms "
                          + "after start, poller delay=%d pageSize=%d, offsets=%s%n", settings.kills(), settings.seed(),
                settings.maxBatch(), settings.batchInterval().toMillis(), settings.maxUptime().toMillis(),
                settings.pollDelay().toMillis(), settings.pageSize(), settings.offsets());
        System.out.printf("  %d cores, load average %.2f, %s %s; files in %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.vm.name"),
                Runtime.version(), dir);
        long started = System.nanoTime();
        SandboxSettings sandboxSettings = SandboxSettings.defaults().withSeed(settings.seed()).withLimits(UNTHROTTLED)
                .withClock(SandboxClock.frozenAt(Instant.now()));
        List<PollerProcess> pollers = new ArrayList<>();
        try (VelaroSandbox sandbox = new VelaroSandbox(sandboxSettings).start();
             SoakTraffic traffic = new SoakTraffic(sandbox.conversations(), sandbox.clock(), settings.seed(),
                     settings.maxBatch())) {
            String key = sandbox.createKey(VelaroScope.READ_CONVERSATIONS);
            traffic.start(settings.batchInterval());

            Set<Integer> exitCodes = killRepeatedly(sandbox.baseUrl(), key, traffic, pollers);
            PollerProcess last = startPoller(settings.kills(), sandbox.baseUrl(), key, pollers);
            traffic.stop();
            long activityEnded = System.nanoTime();
            Map<String, Instant> finals = traffic.finalVersions();
            checkAgainstStore(sandbox, finals);
            writeVersions(traffic.versions());
            boolean drained = awaitDrained(last, finals);
            long drainMillis = (System.nanoTime() - activityEnded) / 1_000_000;
            int lastExit = last.stop();

            long requests = Integer.MAX_VALUE
                            - sandbox.limits().peek(VelaroSandbox.fingerprint(key)).remainingMonth();
            long refused = sandbox.journal().entries(e -> e.status() != 200).size();
            SoakVerdict verdict = new SoakVerdict(traffic.versions(), finals, DeliveryLog.read(deliveries),
                    settings.kills());

            System.out.println();
            System.out.printf("Result (%s)%n", verdict.passed() ? "PASSED" : "FAILED");
            System.out.printf("  kills (SIGKILL)                 %d, exit codes %s%n", settings.kills(), exitCodes);
            System.out.printf("  last poller                     %s, stopped with SIGTERM, exit code %d%n",
                    drained ? "delivered every final version" : "did NOT deliver every final version", lastExit);
            System.out.printf("  offsets writes cut by a kill    %d%n", cutOffsetWrites);
            System.out.printf("  poller starts that failed       %d%s%n", failedStarts,
                    failedStarts == 0 ? "" : " (each started again; see FAILED START above)");
            System.out.printf("  batches of changes              %,d (%,d of 2 changes or more at one updatedAt)%n",
                    traffic.batches(), traffic.sharedInstantBatches());
            verdict.print(System.out);
            System.out.printf("  requests spent                  %,d (%.2f per delivered line); answers other than "
                              + "200: %d%n", requests, (double) requests / Math.max(1, verdict.deliveredLines()), refused);
            System.out.printf("  drain after the activity ended  %.1f s%n", drainMillis / 1000.0);
            System.out.printf("  wall time                       %.1f s; load average at the end %.2f%n",
                    (System.nanoTime() - started) / 1e9, loadAverage());
            System.out.println("  files                           " + dir);
            return verdict.passed() ? 0 : 1;
        } catch (IllegalStateException | IOException e) {
            System.out.println();
            System.out.println("The soak could not run to the end: " + e.getMessage());
            if (!pollers.isEmpty()) {
                printTail(pollers.get(pollers.size() - 1).log(), LOG_TAIL);
            }
            // a poller that cannot start has usually met an offsets file it cannot read: show how it ends
            printTail(dir.resolve("offsets.dat"), 2);
            System.out.println("  files: " + dir);
            return 2;
        } finally {
            pollers.forEach(PollerProcess::destroy);
        }
    }

    /** Starts a poller and kills it at a random moment, {@code kills} times; returns the exit codes seen. */
    private Set<Integer> killRepeatedly(String baseUrl, String key, SoakTraffic traffic, List<PollerProcess> pollers)
            throws IOException, InterruptedException {
        Set<Integer> exitCodes = new TreeSet<>();
        for (int kill = 1; kill <= settings.kills(); kill++) {
            DeliveryLog.Growth growth = new DeliveryLog.Growth(deliveries);
            PollerProcess poller = startPoller(kill - 1, baseUrl, key, pollers);
            long startedAt = System.nanoTime();
            String moment = kill % 2 == 1 ? awaitRandomMoment() : awaitDeliveries(growth);
            int exit = poller.kill();
            long uptime = (System.nanoTime() - startedAt) / 1_000_000;
            exitCodes.add(exit);
            DeliveryLog.appendKillMark(deliveries, kill, poller.pid(), exit);
            System.out.printf("  kill %2d: pid %d, %,5d ms after it started (%s), exit code %d; %,d lines, %,d "
                              + "conversations so far%n", kill, poller.pid(), uptime, moment, exit,
                    DeliveryLog.read(deliveries).deliveries().size(), traffic.conversations());
            checkOffsetsFile(kill);
        }
        return exitCodes;
    }

    /** Odd kills: a moment chosen at random up to {@code maxUptime}, whatever the poller is doing then. */
    private String awaitRandomMoment() throws InterruptedException {
        Thread.sleep((long) (random.nextDouble() * settings.maxUptime().toMillis()));
        return "at a random moment";
    }

    /**
     * Even kills: right after the poller has written a random 1 to {@value #MAX_LINES_BEFORE_KILL} lines, so most
     * land in the middle of a delivery, where the commit can be cut off (or after {@code maxUptime}, with less to do).
     */
    private String awaitDeliveries(DeliveryLog.Growth growth) throws IOException, InterruptedException {
        int lines = 1 + random.nextInt(MAX_LINES_BEFORE_KILL);
        long deadline = System.nanoTime() + settings.maxUptime().toNanos();
        while (growth.lines() < lines) {
            if (System.nanoTime() > deadline) {
                return "after " + growth.lines() + " of " + lines + " lines";
            }
            Thread.sleep(1);
        }
        return "after " + lines + " lines";
    }

    /**
     * Starts poller run {@code run} and waits until it has started. A JVM that exits before that (e.g. on an offsets
     * file a kill left cut short) is started again, as a service manager would, and counted.
     */
    private PollerProcess startPoller(int run, String baseUrl, String key, List<PollerProcess> pollers)
            throws IOException, InterruptedException {
        for (int attempt = 0; attempt <= MAX_FAILED_STARTS; attempt++) {
            String name = "poller-" + run + (attempt == 0 ? "" : "-restart-" + attempt);
            PollerProcess poller = PollerProcess.start(name, dir, baseUrl, key, settings);
            pollers.add(poller);
            if (poller.awaitStarted()) {
                return poller;
            }
            failedStarts++;
            System.out.printf("  FAILED START: %s exited with code %d before it started; see %s%n", name,
                    poller.exitCode(), poller.log());
            printTail(dir.resolve("offsets.dat"), 1);
        }
        throw new IllegalStateException("poller run " + run + " failed to start " + (MAX_FAILED_STARTS + 1)
                                        + " times in a row");
    }

    /**
     * FileStateRepository writes the key, '=', the value and the newline separately: a kill between two of them leaves
     * a cut line, which decides what the next poller resumes from. Shown when it happens, so a failure can be traced.
     */
    private void checkOffsetsFile(int kill) throws IOException {
        Path offsets = dir.resolve("offsets.dat");
        if (Files.exists(offsets) && Files.size(offsets) > 0
                && !Files.readString(offsets, StandardCharsets.UTF_8).endsWith("\n")) {
            cutOffsetWrites++;
            System.out.printf("  KILL %d CUT A WRITE TO offsets.dat SHORT%n", kill);
            printTail(offsets, 1);
        }
    }

    /** The traffic's record of final versions is the store's own state, or the comparison would mean nothing. */
    private static void checkAgainstStore(VelaroSandbox sandbox, Map<String, Instant> finals) {
        if (sandbox.conversations().size() != finals.size()) {
            throw new IllegalStateException("the sandbox holds " + sandbox.conversations().size()
                                            + " conversations, the traffic made " + finals.size());
        }
        finals.forEach((id, updatedAt) -> {
            Instant stored = sandbox.conversations().get(id).map(Conversation::getUpdatedAt).orElse(null);
            if (!updatedAt.equals(stored)) {
                throw new IllegalStateException("conversation " + id + " has updatedAt " + stored
                                                + " in the sandbox, the traffic recorded " + updatedAt);
            }
        });
    }

    /** The truth next to the delivery log, so that a run can be examined afterwards. */
    private void writeVersions(Set<Version> versions) throws IOException {
        List<String> lines = versions.stream()
                .sorted(Comparator.comparing(Version::updatedAt).thenComparing(Version::id))
                .map(v -> v.id() + " " + v.updatedAt())
                .toList();
        Files.write(dir.resolve(VERSIONS_FILE), lines, StandardCharsets.UTF_8);
    }

    /**
     * Waits until every final version is in the delivery log; false when the poller died, or wrote nothing for
     * {@link #DRAIN_QUIET} while some were missing (it polls every {@code delay}: what it has not delivered by then, it
     * will not), or {@code drainTimeout} passed.
     */
    private boolean awaitDrained(PollerProcess poller, Map<String, Instant> finals)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        int lines = -1;
        long lastGrowth = System.nanoTime();
        while (System.nanoTime() < deadline && poller.isAlive()
               && System.nanoTime() - lastGrowth < DRAIN_QUIET.toNanos()) {
            Set<Version> delivered = new HashSet<>();
            List<Delivery> all = DeliveryLog.read(deliveries).deliveries();
            for (Delivery d : all) {
                delivered.add(d.version());
            }
            if (finals.entrySet().stream().allMatch(e -> delivered.contains(new Version(e.getKey(), e.getValue())))) {
                return true;
            }
            if (all.size() != lines) {
                lines = all.size();
                lastGrowth = System.nanoTime();
            }
            Thread.sleep(DRAIN_CHECK.toMillis());
        }
        return false;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void printTail(Path file, int count) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        System.out.println("  last lines of " + file + (text.endsWith("\n") ? "" : " (the last one has no newline)")
                           + ":");
        lines.subList(Math.max(0, lines.size() - count), lines.size()).forEach(l -> System.out.println("    " + l));
    }
}
