package io.github.camelvelaro.benchmarks.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of another JVM, its resident set from {@code /proc} and its Java heap from {@code jcmd}; and the CPU time
 * it has used, which a machine busy with other work changes much less than the wall-clock time.
 */
final class ProcessMemory {

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);
    /** e.g. {@code garbage-first heap   total 262144K, used 23456K [...]}. */
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final String jcmd;

    ProcessMemory(String javaHome) {
        this.jcmd = Path.of(javaHome, "bin", "jcmd").toString();
    }

    /** VmRSS of {@code /proc/<pid>/status}, in MiB. */
    static double rssMiB(long pid) throws IOException {
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        Matcher m = VM_RSS.matcher(status);
        if (!m.find()) {
            throw new IllegalStateException("no VmRSS for pid " + pid);
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    /**
     * User plus system CPU time of all its threads so far, in milliseconds: fields 14 and 15 of
     * {@code /proc/<pid>/stat}, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
     */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name, field 2, is in parentheses and may hold spaces: count from the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10;
    }

    /** The heap in use now, garbage included, in MiB. */
    double heapUsedMiB(long pid) throws IOException, InterruptedException {
        return heapUsed(jcmd(pid, "GC.heap_info"));
    }

    /** The heap in use after a full collection (what start-up left alive), in MiB. */
    double liveHeapMiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return heapUsedMiB(pid);
    }

    static double heapUsed(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        if (!m.find()) {
            throw new IllegalStateException("unexpected GC.heap_info output: " + heapInfo);
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
