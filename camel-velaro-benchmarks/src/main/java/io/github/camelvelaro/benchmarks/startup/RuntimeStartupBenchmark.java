package io.github.camelvelaro.benchmarks.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;

/**
 * The three runtimes side by side in one run: Camel Main (camel-velaro-examples), Spring Boot
 * (camel-velaro-spring-boot-example) and Quarkus in JVM mode (camel-velaro-quarkus-example), each launched as a JVM of
 * its own against one sandbox, with the same JVM and no JVM options. For each launch: the time from launch to its
 * first completed poll, the CPU time used until then, VmRSS, and the heap (in use, and live after a full GC), measured right after that poll.
 * <p>
 * Arguments: {@code root=<project root>} (where the example jars were built), {@code rounds=N} (default 3; the order
 * rotates each round). See docs/benchmarks.md for the command.
 */
public final class RuntimeStartupBenchmark {

    private RuntimeStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(arg(args, "root", ".")).toAbsolutePath().normalize();
        int rounds = Integer.parseInt(arg(args, "rounds", "3"));
        Path logs = Files.createDirectories(root.resolve("camel-velaro-benchmarks/target/startup"));

        List<StartupSample> samples = new ArrayList<>();
        try (VelaroSandbox sandbox = new VelaroSandbox(SandboxSettings.defaults()).start()) {
            StartupProbe probe = new StartupProbe(sandbox, root, logs,
                    new ProcessMemory(System.getProperty("java.home")), System::nanoTime);
            for (int round = 0; round < rounds; round++) {
                for (AppRuntime runtime : AppRuntime.order(round)) {
                    StartupSample sample = probe.measure(runtime, round);
                    samples.add(sample);
                    System.out.printf(Locale.ROOT, "round %d  %-12s first poll %5d ms  CPU %5d ms  RSS %6.1f MiB  heap %6.1f MiB"
                                                   + "  live heap %5.1f MiB%n", round + 1, runtime.label(),
                            sample.firstPollMillis(), sample.cpuMillis(), sample.rssMiB(), sample.heapUsedMiB(), sample.liveHeapMiB());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d rounds, %s %s, %d cores, load average %s, medians:%n", rounds,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println("| runtime | launch to first poll (ms) | CPU time to first poll (ms) | RSS (MiB) | heap in use (MiB) | live heap after GC (MiB) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (AppRuntime runtime : AppRuntime.values()) {
            List<StartupSample> of = samples.stream().filter(s -> s.runtime() == runtime).toList();
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1f |%n", runtime.label(),
                    median(of, s -> s.firstPollMillis()), median(of, s -> s.cpuMillis()), median(of, StartupSample::rssMiB),
                    median(of, StartupSample::heapUsedMiB), median(of, StartupSample::liveHeapMiB));
        }
    }

    static double median(List<StartupSample> samples, ToDoubleFunction<StartupSample> value) {
        double[] v = samples.stream().mapToDouble(value).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String arg(String[] args, String name, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .findFirst().orElse(fallback);
    }
}
