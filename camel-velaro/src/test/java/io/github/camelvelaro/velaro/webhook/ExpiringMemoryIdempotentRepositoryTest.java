package io.github.camelvelaro.velaro.webhook;

import java.time.Duration;

import io.github.camelvelaro.velaro.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A key is held from add until removed or until maxAge has passed, by the given clock. */
class ExpiringMemoryIdempotentRepositoryTest {

    private final MutableClock clock = new MutableClock();
    private final ExpiringMemoryIdempotentRepository repository =
            new ExpiringMemoryIdempotentRepository(Duration.ofSeconds(60), clock);

    @Test
    void aKeyIsHeldUntilRemoved() {
        assertThat(repository.add("k")).isTrue();
        assertThat(repository.add("k")).isFalse();
        assertThat(repository.contains("k")).isTrue();
        assertThat(repository.contains("other")).isFalse();
        assertThat(repository.remove("k")).isTrue();
        assertThat(repository.remove("k")).isFalse();
        assertThat(repository.contains("k")).isFalse();
        assertThat(repository.add("k")).isTrue();
    }

    @Test
    void aKeyExpiresMaxAgeAfterItWasAdded() {
        assertThat(repository.add("k")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(repository.contains("k")).isTrue();
        assertThat(repository.add("k")).as("a refused add does not renew the key").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(repository.contains("k")).isFalse();
        assertThat(repository.add("k")).isTrue();
        // taken again: held for a full maxAge from now
        clock.advance(Duration.ofSeconds(59));
        assertThat(repository.add("k")).isFalse();
    }

    @Test
    void clearForgetsEverything() {
        repository.add("a");
        repository.add("b");
        repository.clear();
        assertThat(repository.contains("a")).isFalse();
        assertThat(repository.add("b")).isTrue();
    }

    @Test
    void maxAgeMustBePositive() {
        assertThat(catchThrowable(() -> new ExpiringMemoryIdempotentRepository(Duration.ZERO, clock)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
    }
}
