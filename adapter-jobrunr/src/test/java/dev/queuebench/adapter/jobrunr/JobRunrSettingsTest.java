package dev.queuebench.adapter.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.queuebench.domain.Profile;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRunrSettingsTest {

    @Test
    void shipped_polls_every_fifteen_seconds_as_jobrunr_does_and_tuned_every_five_as_its_performance_test() {
        JobRunrSettings shipped = JobRunrSettings.from(BackendSettings.of(Profile.SHIPPED, Map.of()));
        JobRunrSettings tuned = JobRunrSettings.from(BackendSettings.of(Profile.TUNED, Map.of()));

        assertThat(shipped.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(tuned.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(JobRunrSettings.KNOBS.effective(BackendSettings.of(Profile.SHIPPED, Map.of()))).containsExactly(
                Map.entry("threads", "10"),
                Map.entry("poll-interval", "15s"),
                Map.entry("delete-succeeded-after", "36h"),
                Map.entry("shutdown-max-wait", "10s"));
    }

    @Test
    void every_knob_can_be_set() {
        JobRunrSettings settings = JobRunrSettings.from(BackendSettings.of(Map.of(
                "threads", "4", "poll-interval", "15s", "delete-succeeded-after", "10m", "shutdown-max-wait", "2s")));

        assertThat(settings).isEqualTo(new JobRunrSettings(
                4, Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofSeconds(2)));
    }

    @Test
    void poll_intervals_below_jobrunrs_minimum_of_five_seconds_are_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobRunrSettings.from(BackendSettings.of(Map.of("poll-interval", "2s"))))
                .withMessage("poll-interval must be at least 5s (JobRunr's minimum on SQL), was 2s");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobRunrSettings.from(BackendSettings.of(Map.of("poll-interval", "4999ms"))))
                .withMessage("poll-interval must be at least 5s (JobRunr's minimum on SQL), was 4999ms");
    }

    @Test
    void unknown_knobs_are_rejected_naming_the_known_ones() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobRunrSettings.KNOBS.effective(BackendSettings.of(Map.of("workers", "4"))))
                .withMessageContaining("unknown backend option(s) [workers]")
                .withMessageContaining("threads")
                .withMessageContaining("poll-interval");
    }

    @Test
    void invalid_values_are_rejected_with_what_was_expected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobRunrSettings.from(BackendSettings.of(Map.of("threads", "0"))))
                .withMessage("threads must be between 1 and 1000, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobRunrSettings.from(BackendSettings.of(Map.of("poll-interval", "soon"))))
                .withMessageContaining("not a duration");
    }
}
