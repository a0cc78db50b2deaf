package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.Set;

import io.github.camelvelaro.velaro.VelaroResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cursor's rules and its stored form, and the start options. */
class PollCursorTest {

    private static final Instant T1 = Instant.parse("2026-11-27T10:00:01.123456Z");
    private static final Instant T2 = Instant.parse("2026-11-27T10:00:02Z");

    @Test
    void coversWhatWasDeliveredAndWhatIsOlderButNotUpdates() {
        PollCursor cursor = PollCursor.at(T1).after("a", T1).after("b", T1);

        assertThat(cursor.covers("a", T1)).isTrue();
        assertThat(cursor.covers("c", T1)).as("another item at the boundary").isFalse();
        assertThat(cursor.covers("a", T2)).as("an update of a delivered item").isFalse();
        assertThat(cursor.covers("z", T1.minusNanos(1))).as("older than the boundary").isTrue();
    }

    @Test
    void movingPastTheBoundaryForgetsTheIdsSeenThere() {
        PollCursor cursor = PollCursor.at(T1).after("a", T1).after("b", T2);

        assertThat(cursor).isEqualTo(new PollCursor(T2, Set.of("b")));
    }

    @Test
    void itsStoredFormIsOneLineThatReadsBackExactly() {
        PollCursor cursor = PollCursor.at(T1).after("a,b=c", T1).after("line\nbreak \"quoted\"", T1);

        String text = cursor.encode();

        assertThat(text).doesNotContain("\n").startsWith("{\"v\":1,\"updatedSince\":\"2026-11-27T10:00:01.123456Z\"");
        assertThat(PollCursor.decode(text)).isEqualTo(cursor);
        assertThatThrownBy(() -> PollCursor.decode("2026-11-27T10:00:01Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PollCursor.decode("{\"v\":2,\"updatedSince\":\"x\",\"ids\":[]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repositoryKeysSeparateResourcesAndStatusesAndSuitFileRepositories() {
        assertThat(CursorStore.key(VelaroResource.CONVERSATIONS, null)).isEqualTo("velaro:conversations");
        assertThat(CursorStore.key(VelaroResource.CONVERSATIONS, "open")).isEqualTo("velaro:conversations:status:open");
        assertThat(CursorStore.key(VelaroResource.CONTACTS, null)).isEqualTo("velaro:contacts");
        assertThat(CursorStore.key(VelaroResource.CONVERSATIONS, "resolved")).doesNotContain("=");
    }

    @Test
    void startFromAcceptsNowBeginningAndInstants() {
        assertThat(StartFrom.parse("now").isNow()).isTrue();
        assertThat(StartFrom.parse(null).isNow()).isTrue();
        assertThat(StartFrom.parse("BEGINNING").instant()).isEqualTo(Instant.EPOCH);
        assertThat(StartFrom.parse("2026-11-27T10:00:00Z").instant()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(StartFrom.parse("2026-11-27T11:00:00+01:00").instant())
                .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThatThrownBy(() -> StartFrom.parse("2026-11-27")).hasMessageContaining("Option startFrom")
                .hasMessageContaining("'2026-11-27'");
    }
}
