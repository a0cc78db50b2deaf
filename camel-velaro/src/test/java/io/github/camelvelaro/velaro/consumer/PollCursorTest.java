package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.Set;

import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.client.ApiKey;
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
    void itsStoredFormIsOneAsciiLineWithItsWriterThatReadsBackExactly() {
        PollCursor cursor = PollCursor.at(T1).after("a,b=c", T1).after("line\nbreak \"quoted\" é", T1)
                .afterAhead("f", Instant.parse("2100-01-01T00:00:00Z"));
        ApiKey key = ApiKey.of(PollingTestSupport.KEY, "apiKey");

        String text = new StoredCursor(cursor, CursorOwner.of(key)).encode();

        assertThat(text).doesNotContain("\n").doesNotContain(PollingTestSupport.KEY)
                .startsWith("{\"v\":2,\"owner\":{\"key\":\"" + key.fingerprint() + "\",\"masked\":\"vlk_\\u2026")
                .contains("\"updatedSince\":\"2026-11-27T10:00:01.123456Z\"");
        assertThat(text.chars()).as("FileStateRepository writes in the platform charset").allMatch(c -> c < 128);
        StoredCursor read = StoredCursor.decode(text);
        assertThat(read.cursor()).isEqualTo(cursor);
        assertThat(read.owner()).isEqualTo(CursorOwner.of(key));
        assertThat(read.owner().maskedKey()).isEqualTo(key.masked());
        assertThatThrownBy(() -> StoredCursor.decode("2026-11-27T10:00:01Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredCursor.decode("{\"v\":3,\"updatedSince\":\"x\",\"ids\":[]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredCursor.decode("{\"v\":2,\"updatedSince\":\"2026-11-27T10:00:01Z\",\"ids\":[]}"))
                .as("version 2 without its writer").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionOneValueReadsAsACursorWithoutWriter() {
        StoredCursor read = StoredCursor.decode("{\"v\":1,\"updatedSince\":\"2026-11-27T10:00:02Z\",\"ids\":[\"a\"]}");

        assertThat(read.cursor()).isEqualTo(new PollCursor(T2, Set.of("a")));
        assertThat(read.owner()).isNull();
    }

    @Test
    void anItemDeliveredAheadIsCoveredWithoutMovingTheBoundaryUntilTheBoundaryReachesIt() {
        Instant future = Instant.parse("2100-01-01T00:00:00Z");
        PollCursor cursor = PollCursor.at(T1).after("a", T1).afterAhead("f", future);

        assertThat(cursor.updatedSince()).isEqualTo(T1);
        assertThat(cursor.covers("f", future)).isTrue();
        assertThat(cursor.covers("f", future.plusSeconds(1))).as("a newer version of it").isFalse();
        assertThat(cursor.covers("b", T2)).isFalse();

        PollCursor later = cursor.after("b", T2);
        assertThat(later.deliveredAhead()).containsEntry("f", future);
        assertThat(later.after("g", future).deliveredAhead()).as("reached: the boundary knows it").isEmpty();
        assertThat(later.after("g", future).idsAtBoundary()).containsExactly("g", "f");
        assertThat(later.after("g", future.plusSeconds(1)).deliveredAhead()).as("passed").isEmpty();
        assertThat(later.after("f", T2).deliveredAhead()).as("replaced by a delivered newer version").isEmpty();
    }

    @Test
    void itRemembersABoundedNumberOfItemsAhead() {
        PollCursor cursor = PollCursor.at(T1);
        for (int i = 0; i < PollCursor.MAX_AHEAD; i++) {
            cursor = cursor.afterAhead("f" + i, Instant.parse("2100-01-01T00:00:00Z").plusSeconds(i));
        }
        PollCursor full = cursor;

        assertThat(full.canRememberAhead("another")).isFalse();
        assertThat(full.canRememberAhead("f7")).as("a newer version takes the place of the old").isTrue();
        assertThatThrownBy(() -> full.afterAhead("another", Instant.parse("2101-01-01T00:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void repositoryKeysSeparateSitesResourcesAndStatusesAndSuitFileRepositories() {
        assertThat(CursorStore.key("default", VelaroResource.CONVERSATIONS, null)).isEqualTo("velaro:default:conversations");
        assertThat(CursorStore.key("acme", VelaroResource.CONVERSATIONS, "open"))
                .isEqualTo("velaro:acme:conversations:status:open");
        assertThat(CursorStore.key("default", VelaroResource.CONTACTS, null)).isEqualTo("velaro:default:contacts");
        assertThat(CursorStore.key("acme-2.eu_west", VelaroResource.CONVERSATIONS, "resolved")).doesNotContain("=");
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
