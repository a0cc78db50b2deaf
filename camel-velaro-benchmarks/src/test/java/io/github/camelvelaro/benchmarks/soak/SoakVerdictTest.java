package io.github.camelvelaro.benchmarks.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.camelvelaro.benchmarks.soak.SoakTraffic.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What the soak counts as lost and as duplicate, on delivery logs written by hand. */
class SoakVerdictTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    private static final Version A1 = new Version("conv_a", T);
    private static final Version B1 = new Version("conv_b", T);
    private static final Version A2 = new Version("conv_a", T.plusMillis(5));
    private static final Version C1 = new Version("conv_c", T.plusMillis(7));
    private static final Set<Version> MADE = Set.of(A1, B1, A2, C1);

    @TempDir
    Path dir;

    private Path log() {
        return dir.resolve(DeliveryLog.FILE_NAME);
    }

    private void delivered(Version... versions) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Version v : versions) {
            lines.append(v.id()).append(' ').append(v.updatedAt()).append('\n');
        }
        Files.writeString(log(), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private int kill = 0;

    private void killed() throws IOException {
        DeliveryLog.appendKillMark(log(), ++kill, 1000 + kill, 137);
    }

    private static Map<String, Instant> finals() {
        Map<String, Instant> finals = new LinkedHashMap<>();
        finals.put("conv_a", A2.updatedAt());
        finals.put("conv_b", B1.updatedAt());
        finals.put("conv_c", C1.updatedAt());
        return finals;
    }

    private SoakVerdict verdict(int kills) throws IOException {
        return new SoakVerdict(MADE, finals(), DeliveryLog.read(log()), kills);
    }

    private static String printed(SoakVerdict verdict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        verdict.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLastLineBeforeAKillDeliveredAgainIsTheOneDuplicateThatKillMayCause() throws IOException {
        delivered(A1, B1);
        killed();
        delivered(B1, A2, C1);

        SoakVerdict verdict = verdict(1);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.duplicateCount()).isEqualTo(1);
        assertThat(verdict.maxDuplicatesPerKill()).isEqualTo(1);
        assertThat(printed(verdict)).contains("conv_b " + T + ": lines 2 and 4, across kill 1, the last line before the kill");
    }

    @Test
    void aFinalVersionNeverDeliveredIsLostButAnIntermediateOneIsNot() throws IOException {
        // A1 was replaced by A2 before anyone read it: not a loss; C1 is final and missing: lost
        delivered(B1, A2);

        SoakVerdict verdict = verdict(0);

        assertThat(verdict.passed()).isFalse();
        assertThat(printed(verdict)).contains("LOST final versions             1", "conv_c " + C1.updatedAt(),
                "ids never delivered             1");
    }

    @Test
    void anOlderVersionDeliveredInsteadOfTheFinalOneIsALoss() throws IOException {
        delivered(A1, B1, C1);

        SoakVerdict verdict = verdict(0);

        assertThat(verdict.passed()).isFalse();
        assertThat(printed(verdict)).contains("LOST final versions             1", "ids never delivered             0");
    }

    @Test
    void twoRepeatsAfterOneKillBreakTheGuaranteeEvenWhenTheTotalIsWithinTheKills() throws IOException {
        delivered(A1, B1);
        killed();
        delivered(A1, B1, A2, C1);
        killed();

        SoakVerdict verdict = verdict(2);

        assertThat(verdict.duplicateCount()).isEqualTo(2);
        assertThat(verdict.maxDuplicatesPerKill()).isEqualTo(2);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aRepeatWithinOnePollerRunIsNotExcusedByAKill() throws IOException {
        delivered(A1, B1, B1);
        killed();
        delivered(A2, C1);

        SoakVerdict verdict = verdict(1);

        assertThat(verdict.passed()).isFalse();
        assertThat(printed(verdict)).contains("within one poller run         1", "within poller run 0");
    }

    @Test
    void runsKilledBeforeTheirFirstDeliveryLeaveTheRepeatToTheNextRunThatDelivers() throws IOException {
        delivered(A1, B1);
        killed();
        killed();
        killed();
        delivered(B1, A2);
        killed();
        killed();
        delivered(A2, C1);

        SoakVerdict verdict = verdict(5);

        assertThat(verdict.passed()).isTrue();
        assertThat(printed(verdict)).contains("per kill                      1 0 0 1 0",
                "conv_b " + T + ": lines 2 and 6, across kill 1 (runs 1-2 delivered nothing), the last line before the kill",
                "conv_a " + A2.updatedAt() + ": lines 7 and 10, across kill 4 (run 4 delivered nothing), the last line "
                + "before the kill");
    }

    @Test
    void aRepeatThatSkipsARunWhichDeliveredIsNotAKillsDuplicate() throws IOException {
        delivered(A1, B1);
        killed();
        delivered(A2);
        killed();
        delivered(B1, C1);

        SoakVerdict verdict = verdict(2);

        assertThat(verdict.passed()).isFalse();
        assertThat(printed(verdict)).contains("in poller runs 0 and 2");
    }

    @Test
    void aDeliveredVersionTheSandboxNeverMadeFailsTheRun() throws IOException {
        delivered(A1, B1, A2, C1, new Version("conv_x", T));

        SoakVerdict verdict = verdict(0);

        assertThat(verdict.passed()).isFalse();
        assertThat(printed(verdict)).contains("delivered versions never made   1", "conv_x " + T);
    }

    @Test
    void aLineAKillCutShortIsMalformedAndDoesNotSwallowTheKillMark() throws IOException {
        delivered(A1);
        Files.writeString(log(), "conv_b 2026-12", StandardOpenOption.APPEND);
        killed();
        delivered(B1, A2, C1);

        DeliveryLog read = DeliveryLog.read(log());

        assertThat(read.segments()).isEqualTo(2);
        assertThat(read.malformed()).containsExactly("line 2: 'conv_b 2026-12'");
        assertThat(read.deliveries()).extracting(DeliveryLog.Delivery::segment).containsExactly(0, 1, 1, 1);
        assertThat(new SoakVerdict(MADE, finals(), read, 1).passed()).isFalse();
    }
}
