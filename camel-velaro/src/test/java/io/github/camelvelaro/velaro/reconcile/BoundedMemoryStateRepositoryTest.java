package io.github.camelvelaro.velaro.reconcile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedMemoryStateRepositoryTest {

    @Test
    void itKeepsAtMostItsCapacityForgettingTheLeastRecentlyUsedFirst() {
        BoundedMemoryStateRepository repository = new BoundedMemoryStateRepository(3);
        repository.setState("a", "1");
        repository.setState("b", "2");
        repository.setState("c", "3");
        // reading a makes b the least recently used
        assertThat(repository.getState("a")).isEqualTo("1");

        repository.setState("d", "4");

        assertThat(repository.size()).isEqualTo(3);
        assertThat(repository.getState("b")).isNull();
        assertThat(repository.getState("a")).isEqualTo("1");
        assertThat(repository.getState("c")).isEqualTo("3");
        assertThat(repository.getState("d")).isEqualTo("4");
    }

    @Test
    void aNullValueRemovesTheEntry() {
        BoundedMemoryStateRepository repository = new BoundedMemoryStateRepository();
        repository.setState("a", "1");
        repository.setState("a", null);

        assertThat(repository.size()).isZero();
        assertThat(repository.getCapacity()).isEqualTo(BoundedMemoryStateRepository.DEFAULT_CAPACITY);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedMemoryStateRepository(0)).hasMessageContaining("capacity must be 1 or more");
    }
}
