package io.github.camelvelaro.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@link SoakPollerNode} in a JVM of its own, with this JVM's classpath: started, then killed with SIGKILL
 * or stopped with SIGTERM. Each run writes its console to {@code poller-<n>.log} in the run directory.
 */
final class PollerProcess {

    private static final Duration START_PATIENCE = Duration.ofSeconds(120);
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(60);

    private final int number;
    private final Path ready;
    private final Path log;
    private final Process process;

    private PollerProcess(int number, Path ready, Path log, Process process) {
        this.number = number;
        this.ready = ready;
        this.log = log;
        this.process = process;
    }

    /** Starts run {@code number} of the poller. */
    static PollerProcess start(int number, Path dir, String baseUrl, String apiKey, SoakSettings settings)
            throws IOException {
        Path ready = dir.resolve("poller-" + number + ".ready");
        Path log = dir.resolve("poller-" + number + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx128m",
                // logging goes on until the CamelContext has stopped, so a clean stop shows in the log
                "-Dlog4j2.shutdownHookEnabled=false",
                "-cp", System.getProperty("java.class.path"), SoakPollerNode.class.getName(),
                baseUrl, dir.resolve("offsets.dat").toString(), dir.resolve(DeliveryLog.FILE_NAME).toString(),
                ready.toString(), Long.toString(settings.pollDelay().toMillis()),
                Integer.toString(settings.pageSize())))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(SoakPollerNode.KEY_VARIABLE, apiKey);
        return new PollerProcess(number, ready, log, builder.start());
    }

    /**
     * Waits until the poller's CamelContext has started.
     *
     * @throws IllegalStateException when the JVM exits first, or does not start in time
     */
    void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(describe() + " exited with code " + process.exitValue()
                                                + " before it started; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(describe() + " did not start within " + START_PATIENCE + "; see " + log);
            }
            Thread.sleep(20);
        }
    }

    /**
     * SIGKILL (what {@link Process#destroyForcibly()} sends on Linux and macOS): no shutdown hook, no flush, no
     * commit. Returns once the JVM is gone, with its exit code (137 = 128 + SIGKILL).
     *
     * @throws IllegalStateException when the JVM had already exited by itself
     */
    int kill() throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(describe() + " exited by itself with code " + process.exitValue()
                                            + " before it was killed; see " + log);
        }
        process.destroyForcibly();
        return awaitExit();
    }

    /** SIGTERM: the CamelContext stops gracefully. Returns the exit code once the JVM is gone. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Kills it if still running; for clean-up on failure. */
    void destroy() {
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(describe() + " did not exit within " + EXIT_PATIENCE + "; see " + log);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    private String describe() {
        return "Poller run " + number + " (pid " + process.pid() + ")";
    }
}
