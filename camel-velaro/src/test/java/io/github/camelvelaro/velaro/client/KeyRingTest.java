package io.github.camelvelaro.velaro.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelvelaro.velaro.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key ring: renewed from its source after a 401 at most once per rejected key, never logging a key. */
class KeyRingTest {

    private static final String OLD = "vlk_" + "a".repeat(44) + "Old1";
    private static final String NEW = "vlk_" + "b".repeat(44) + "New2";

    private final AtomicReference<String> source = new AtomicReference<>(OLD);
    private final AtomicInteger reads = new AtomicInteger();
    private final KeyRing ring = new KeyRing(ApiKey.of(OLD, "apiKey"), () -> {
        reads.incrementAndGet();
        return source.get();
    }, "property velaro.api-key");

    @Test
    void aRejectedKeyIsRenewedFromTheSourceOnceAndOtherRequestsRejectedWithItJustRetry() {
        ApiKey rejected = ring.current();
        source.set(NEW);
        try (LogCapture log = LogCapture.all()) {
            assertThat(ring.renewAfterRejection(rejected)).isTrue();
            assertThat(ring.current()).isEqualTo(ApiKey.of(NEW, "apiKey"));
            // a second request that was sent with the old key: retried with the new one, without reading again
            assertThat(ring.renewAfterRejection(rejected)).isTrue();
            assertThat(reads).hasValue(1);
            assertThat(log.text()).contains("vlk_…Old1", "vlk_…New2").doesNotContain(OLD, NEW);
        }
    }

    @Test
    void whenTheSourceStillHoldsTheRejectedKeyThe401Stands() {
        assertThat(ring.renewAfterRejection(ring.current())).isFalse();
        assertThat(ring.current()).isEqualTo(ApiKey.of(OLD, "apiKey"));
    }

    @Test
    void aMalformedOrMissingValueInTheSourceIsReportedMaskedAndKeepsTheKey() {
        String malformed = "vlk_" + "c".repeat(30) + "Bad9";
        source.set(malformed);
        try (LogCapture log = LogCapture.all()) {
            assertThat(ring.renewAfterRejection(ring.current())).isFalse();
            source.set(null);
            assertThat(ring.reload()).isFalse();
            assertThat(log.text()).contains("property velaro.api-key is not a valid Velaro API key (vlk_…Bad9)",
                    "Option property velaro.api-key is required").doesNotContain(malformed);
        }
        assertThat(ring.current()).isEqualTo(ApiKey.of(OLD, "apiKey"));
    }

    @Test
    void aFixedRingHasNoSourceButCanBeReplacedWithAValidKey() {
        KeyRing fixed = KeyRing.fixed(ApiKey.of(OLD, "apiKey"));
        assertThat(fixed.renewAfterRejection(fixed.current())).isFalse();
        assertThat(fixed.reload()).isFalse();
        assertThatThrownBy(() -> fixed.replace("vlk_short")).hasMessageContaining("is not a valid Velaro API key")
                .hasMessageNotContaining("vlk_short");
        fixed.replace(NEW);
        assertThat(fixed.current().masked()).isEqualTo("vlk_…New2");
        assertThat(fixed).hasToString("KeyRing[vlk_…New2]");
        assertThat(ring).hasToString("KeyRing[vlk_…Old1, from property velaro.api-key]");
    }
}
