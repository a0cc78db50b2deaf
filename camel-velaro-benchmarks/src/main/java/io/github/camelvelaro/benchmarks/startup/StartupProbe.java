package io.github.camelvelaro.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.camelvelaro.sandbox.VelaroSandbox;

/**
 * Launches one runtime against the sandbox with a key of its own, waits for the sandbox to have answered that key's
 * first {@code GET /conversations} (list polls, whatever their filter), measures, and stops the JVM.
 */
final class StartupProbe {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final long WATCH_MILLIS = 2;

    private final VelaroSandbox sandbox;
    private final Path root;
    private final Path logs;
    private final ProcessMemory memory;
    private final LongSupplier ticker;

    /**
     * @param root   the project's root folder, where the example jars are built
     * @param logs   where each launch writes its console
     * @param ticker nanoseconds, e.g. {@code System::nanoTime}
     */
    StartupProbe(VelaroSandbox sandbox, Path root, Path logs, ProcessMemory memory, LongSupplier ticker) {
        this.sandbox = sandbox;
        this.root = root;
        this.logs = logs;
        this.memory = memory;
        this.ticker = ticker;
    }

    StartupSample measure(AppRuntime runtime, int round) throws IOException, InterruptedException {
        String key = sandbox.createReadWriteKey();
        String fingerprint = VelaroSandbox.fingerprint(key);
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(runtime.command(java, root, port))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(runtime.name().toLowerCase() + "-" + round + ".log").toFile());
        builder.environment().putAll(AppRuntime.environment(key, sandbox.baseUrl(), sandbox.webhookSecret(), port));

        long launched = ticker.getAsLong();
        Process process = builder.start();
        try {
            long firstPoll = awaitFirstPoll(process, fingerprint, launched) - launched;
            long cpu = ProcessMemory.cpuMillis(process.pid());
            double rss = ProcessMemory.rssMiB(process.pid());
            double heap = memory.heapUsedMiB(process.pid());
            double live = memory.liveHeapMiB(process.pid());
            return new StartupSample(runtime, TimeUnit.NANOSECONDS.toMillis(firstPoll), cpu, rss, heap, live);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private long awaitFirstPoll(Process process, String fingerprint, long launched) throws InterruptedException {
        while (true) {
            List<?> polls = sandbox.journal().entries(e -> "GET".equals(e.method()) && "/conversations".equals(e.path())
                                                           && fingerprint.equals(e.keyFingerprint()) && e.status() == 200);
            if (!polls.isEmpty()) {
                return ticker.getAsLong();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue() + " before its first poll; see "
                                                + logs);
            }
            if (ticker.getAsLong() - launched > PATIENCE.toNanos()) {
                throw new IllegalStateException("no poll within " + PATIENCE + "; see " + logs);
            }
            Thread.sleep(WATCH_MILLIS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
