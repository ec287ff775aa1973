package dev.queuebench.adapter.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.queuebench.domain.Profile;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DbSchedulerSettingsTest {

    @Test
    void shipped_is_db_schedulers_own_fetch_strategy_polling_every_ten_seconds() {
        DbSchedulerSettings settings = DbSchedulerSettings.from(BackendSettings.of(Profile.SHIPPED, Map.of()));

        assertThat(settings.threads()).isEqualTo(10);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.pollingStrategy()).isEqualTo("fetch");
        assertThat(settings.lowerLimit()).isEqualTo(0.5);
        assertThat(settings.upperLimit()).isEqualTo(3.0);
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.missedHeartbeatsLimit()).isEqualTo(6);
    }

    @Test
    void tuned_is_lock_and_fetch_with_the_readmes_high_throughput_limits() {
        DbSchedulerSettings settings = DbSchedulerSettings.from(BackendSettings.of(Profile.TUNED, Map.of()));

        assertThat(settings.pollingStrategy()).isEqualTo("lock-and-fetch");
        assertThat(settings.lowerLimit()).isEqualTo(1.0);
        assertThat(settings.upperLimit()).isEqualTo(4.0);
        assertThat(DbSchedulerSettings.KNOBS.effective(BackendSettings.of(Profile.TUNED, Map.of())))
                .containsEntry("poll-interval", "10s").containsEntry("threads", "10")
                .containsEntry("lower-limit", "1.0").containsEntry("upper-limit", "4.0");
    }

    @Test
    void a_value_given_overrides_the_profiles() {
        DbSchedulerSettings settings = DbSchedulerSettings.from(BackendSettings.of(Profile.SHIPPED,
                Map.of("poll-interval", "1s", "threads", "32")));

        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.pollingStrategy()).isEqualTo("fetch");
        assertThat(settings.connectionsNeeded()).as("32 workers, the polling thread and two housekeepers")
                .isEqualTo(35);
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
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DbSchedulerSettings.from(BackendSettings.of(Map.of("threads", "-3"))))
                .withMessage("threads must be between 1 and 1000, was -3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DbSchedulerSettings.from(BackendSettings.of(Map.of("lower-limit", "-1"))))
                .withMessage("lower-limit must be between 0.0 and 1000.0, was -1");
    }
}
