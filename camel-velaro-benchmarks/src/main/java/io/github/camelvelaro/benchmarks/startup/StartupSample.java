package io.github.camelvelaro.benchmarks.startup;

/**
 * One launch: milliseconds from launch to the first completed poll, and the memory measured right after it.
 *
 * @param firstPollMillis launch to the sandbox's answer to the first {@code GET /conversations} of this launch's key
 * @param cpuMillis       CPU time (user + system, all threads) the JVM used until then
 * @param rssMiB          VmRSS right after the first poll
 * @param heapUsedMiB     heap in use right after the first poll (garbage included)
 * @param liveHeapMiB     heap in use after a full GC that follows
 */
record StartupSample(AppRuntime runtime, long firstPollMillis, long cpuMillis, double rssMiB, double heapUsedMiB, double liveHeapMiB) {
}
