package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void a_fault_at_a_share_fires_once_that_share_of_the_jobs_completed() {
        FaultSpec kill = FaultSpec.parse("kill-node@40%");

        assertThat(kill.kind()).isEqualTo(FaultSpec.Kind.KILL_NODE);
        assertThat(kill.atShare()).hasValue(0.4);
        assertThat(kill.firesAt(0.39, Duration.ofHours(1))).isFalse();
        assertThat(kill.firesAt(0.4, Duration.ZERO)).isTrue();
        assertThat(kill.text()).isEqualTo("kill-node@40%");
    }

    @Test
    void a_fault_in_time_fires_that_long_after_the_workers_started_whatever_the_share() {
        FaultSpec drop = FaultSpec.parse(" Drop-Connections@15s ");

        assertThat(drop.kind().wireName()).isEqualTo("drop_connections");
        assertThat(drop.firesAt(0.99, Duration.ofSeconds(14))).isFalse();
        assertThat(drop.firesAt(0, Duration.ofSeconds(15))).isTrue();
        assertThat(drop.text()).isEqualTo("drop-connections@15s");
    }

    @Test
    void a_pause_says_how_long_and_only_a_pause_does() {
        FaultSpec pause = FaultSpec.parse("pause-node@12.5%:30s");

        assertThat(pause.pause()).hasValue(Duration.ofSeconds(30));
        assertThat(pause.text()).isEqualTo("pause-node@12.5%:30s");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("pause-node@40%"))
                .withMessageContaining("pause-node@40%:30s");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("restart-db@40%:30s"))
                .withMessageContaining("restart-db takes no duration");
    }

    @Test
    void bad_faults_are_refused_saying_what_to_write() {
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("kill-db@40%"))
                .withMessageContaining("unknown fault 'kill-db'");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("kill-node"))
                .withMessageContaining("write KIND@WHEN, e.g. kill-node@40%");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("kill-node@100%"))
                .withMessageContaining("between 0% and 100%");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("kill-node@0%"))
                .withMessageContaining("between 0% and 100%");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("kill-node@soon"))
                .withMessageContaining("not a duration");
    }
}
