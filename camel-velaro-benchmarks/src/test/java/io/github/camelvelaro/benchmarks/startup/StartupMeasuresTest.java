package io.github.camelvelaro.benchmarks.startup;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupMeasuresTest {

    @Test
    void readsTheHeapInUseFromJcmd() {
        String g1 = """
                12345:
                 garbage-first heap   total 262144K, used 23552K [0x0000000700000000, 0x0000000800000000)
                  region size 2048K, 12 young (24576K), 0 survivors (0K)
                """;

        assertThat(ProcessMemory.heapUsed(g1)).isEqualTo(23.0);
        assertThatThrownBy(() -> ProcessMemory.heapUsed("Metaspace used 1K")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsThisJvmsOwnRssAndCpuTime() throws Exception {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcessMemory.rssMiB(pid)).isPositive();
        assertThat(ProcessMemory.cpuMillis(pid)).isPositive();
    }

    @Test
    void eachRoundStartsWithAnotherRuntime() {
        assertThat(AppRuntime.order(0)).containsExactly(AppRuntime.CAMEL_MAIN, AppRuntime.SPRING_BOOT, AppRuntime.QUARKUS_JVM);
        assertThat(AppRuntime.order(1)).containsExactly(AppRuntime.SPRING_BOOT, AppRuntime.QUARKUS_JVM, AppRuntime.CAMEL_MAIN);
        assertThat(AppRuntime.order(3)).isEqualTo(AppRuntime.order(0));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        List<StartupSample> three = List.of(sample(30), sample(10), sample(20));

        assertThat(RuntimeStartupBenchmark.median(three, StartupSample::firstPollMillis)).isEqualTo(20);
        assertThat(RuntimeStartupBenchmark.median(three.subList(0, 2), StartupSample::firstPollMillis)).isEqualTo(20);
    }

    private static StartupSample sample(long millis) {
        return new StartupSample(AppRuntime.QUARKUS_JVM, millis, 0, 0, 0, 0);
    }
}
