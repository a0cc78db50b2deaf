package io.github.camelvelaro.benchmarks.soak;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoakSettingsTest {

    @Test
    void mavenPassesOneArgumentWithSpacesAndLaterValuesWin() {
        SoakSettings settings = SoakSettings.parse("dir=/tmp/a", "kills=5 seed=42  dir=/tmp/b", "");

        assertThat(settings.kills()).isEqualTo(5);
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.dir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(settings.maxUptime()).isEqualTo(Duration.ofMillis(6_000));
        assertThat(settings.pageSize()).isEqualTo(5);
        assertThat(settings.offsets()).isEqualTo("atomic");
    }

    @Test
    void withoutASeedEachRunGetsARandomOneToPrint() {
        assertThat(SoakSettings.parse().seed()).isNotZero();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> SoakSettings.parse("kils=5"))
                .hasMessageStartingWith("Unknown argument(s) [kils]").hasMessageContaining("kills=20");
        assertThatThrownBy(() -> SoakSettings.parse("kills=many")).hasMessage("kills must be a whole number, was 'many'");
        assertThatThrownBy(() -> SoakSettings.parse("pageSize=101")).hasMessage("pageSize must be 1 to 100, was 101");
        assertThatThrownBy(() -> SoakSettings.parse("20")).hasMessageStartingWith("Argument '20' is not key=value");
        assertThatThrownBy(() -> SoakSettings.parse("offsets=memory"))
                .hasMessage("offsets must be one of atomic, file, was 'memory'");
    }
}
