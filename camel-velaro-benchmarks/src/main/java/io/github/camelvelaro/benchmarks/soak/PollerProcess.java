package io.github.camelvelaro.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@link SoakPollerNode} in a JVM of its own, with this JVM's classpath: started, then killed with SIGKILL
 * or stopped with SIGTERM. Each writes its console to {@code <name>.log} in the run directory.
 */
final class PollerProcess {

    private static final Duration START_PATIENCE = Duration.ofSeconds(120);
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(60);

    private final String name;
    private final Path ready;
    private final Path log;
    private final Process process;

    private PollerProcess(String name, Path ready, Path log, Process process) {
        this.name = name;
        this.ready = ready;
        this.log = log;
        this.process = process;
    }

    /** Starts a poller JVM; {@code name}, e.g. {@code poller-3}, names its files. */
    static PollerProcess start(String name, Path dir, String baseUrl, String apiKey, SoakSettings settings)
            throws IOException {
        Path ready = dir.resolve(name + ".ready");
        Path log = dir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx128m",
                // logging goes on until the CamelContext has stopped, so a clean stop shows in the log
                "-Dlog4j2.shutdownHookEnabled=false",
                "-cp", System.getProperty("java.class.path"), SoakPollerNode.class.getName(),
                baseUrl, dir.resolve("offsets.dat").toString(), dir.resolve(DeliveryLog.FILE_NAME).toString(),
                ready.toString(), Long.toString(settings.pollDelay().toMillis()),
                Integer.toString(settings.pageSize()), settings.offsets()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(SoakPollerNode.KEY_VARIABLE, apiKey);
        return new PollerProcess(name, ready, log, builder.start());
    }

    /**
     * Waits until the poller's CamelContext has started.
     *
     * @return false when the JVM exited before that (see its log)
     * @throws IllegalStateException when it neither started nor exited in time
     */
    boolean awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(describe() + " did not start within " + START_PATIENCE + "; see " + log);
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The exit code of a JVM that has exited. */
    int exitCode() {
        return process.exitValue();
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
        return name + " (pid " + process.pid() + ")";
    }
}
