package io.github.camelvelaro.velaro.consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The windows that walk a run of items sharing one instant: always overlapping, always reading something new. */
class RunWindowTest {

    @Test
    void everyWindowStartsAtOrBeforeTheLastItemReadAndEndsAfterIt() {
        for (int pageSize = 1; pageSize <= 100; pageSize++) {
            for (int seen = 1; seen <= 5_000; seen++) {
                RunWindow w = RunWindow.after(seen, pageSize);
                assertThat(w.start()).as("start for %d seen, pageSize %d", seen, pageSize)
                        .isEqualTo((w.page() - 1) * w.size()).isLessThanOrEqualTo(seen - 1);
                assertThat(w.start() + w.size()).as("end for %d seen, pageSize %d", seen, pageSize)
                        .isGreaterThan(seen);
                assertThat(w.size()).isBetween(2, RunWindow.MAX_SIZE);
            }
        }
    }

    @Test
    void itStaysWithinThePageSizeWhenThatReadsSomethingNewAndPrefersTheMostNew() {
        // 100 read with pages of 100: page 2 of 99 re-reads one item and reads 98 new ones
        assertThat(RunWindow.after(100, 100)).isEqualTo(new RunWindow(2, 99, 99));
        assertThat(RunWindow.after(3, 3)).isEqualTo(new RunWindow(2, 2, 2));
        // pages of 2 after 2 items would only repeat them: one item more is the least that moves on
        assertThat(RunWindow.after(2, 2)).isEqualTo(new RunWindow(1, 3, 0));
        assertThat(RunWindow.first(25)).isEqualTo(new RunWindow(1, 25, 0));
    }
}
