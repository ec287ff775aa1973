package dev.queuebench.adapter.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DbSchedulerSettingsTest {

    @Test
    void defaults_are_lock_and_fetch_with_ten_threads_polling_every_second() {
        DbSchedulerSettings settings = DbSchedulerSettings.from(BackendSettings.none());

        assertThat(settings.threads()).isEqualTo(10);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.pollingStrategy()).isEqualTo("lock-and-fetch");
        assertThat(DbSchedulerSettings.KNOBS.effective(BackendSettings.none()))
                .containsEntry("poll-interval", "1s").containsEntry("threads", "10");
    }

    @Test
    void unknown_knobs_are_rejected_naming_the_known_ones() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DbSchedulerSettings.KNOBS.effective(BackendSettings.of(Map.of("workers", "4"))))
                .withMessageContaining("unknown backend option(s) [workers]")
                .withMessageContaining("threads");
    }

    @Test
    void invalid_values_are_rejected_with_what_was_expected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DbSchedulerSettings.from(BackendSettings.of(Map.of("threads", "many"))))
                .withMessage("threads must be a whole number, was 'many'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DbSchedulerSettings.from(BackendSettings.of(Map.of("polling-strategy", "magic"))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DbSchedulerSettings.from(BackendSettings.of(Map.of("lower-limit", "2", "upper-limit", "1"))));
    }
}
