package dev.queuebench.adapter.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.queuebench.domain.Profile;
import dev.queuebench.ports.spi.BackendSettings;
import org.quartz.Trigger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuartzSettingsTest {

    @Test
    void shipped_is_quartz_as_its_jar_ships_it_one_trigger_at_a_time_with_its_smart_misfire_policy() {
        QuartzSettings settings = QuartzSettings.from(BackendSettings.of(Profile.SHIPPED, Map.of()));

        assertThat(settings.threads()).isEqualTo(10);
        assertThat(settings.batchAcquisition()).isEqualTo(1);
        assertThat(settings.idleWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.misfireThreshold()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.misfireInstructionOfJobs()).isEqualTo(Trigger.MISFIRE_INSTRUCTION_SMART_POLICY);
        assertThat(settings.toQuartzProperties("queue-bench", "node-1", "pool"))
                .containsEntry("org.quartz.jobStore.acquireTriggersWithinLock", "false");
        assertThat(settings.connectionsNeeded()).as("Quartz's Best Practices: threads + 3").isEqualTo(13);
    }

    @Test
    void tuned_acquires_as_many_triggers_as_there_are_threads_within_the_lock_and_ignores_misfires() {
        QuartzSettings settings = QuartzSettings.from(BackendSettings.of(Profile.TUNED, Map.of()));
        QuartzSettings moreThreads = QuartzSettings.from(BackendSettings.of(Profile.TUNED, Map.of("threads", "32")));

        assertThat(settings.batchAcquisition()).isEqualTo(10);
        assertThat(moreThreads.batchAcquisition()).isEqualTo(32);
        assertThat(settings.misfireInstructionOfJobs()).isEqualTo(Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);
        assertThat(settings.toQuartzProperties("queue-bench", "node-1", "pool"))
                .containsEntry("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        assertThat(QuartzSettings.KNOBS.effective(BackendSettings.of(Profile.TUNED, Map.of("threads", "32"))))
                .containsExactly(
                        Map.entry("threads", "32"),
                        Map.entry("batch-acquisition", "32"),
                        Map.entry("idle-wait", "30s"),
                        Map.entry("misfire-threshold", "1m"),
                        Map.entry("misfire-instruction", "ignore"));
    }

    @Test
    void every_profiles_values_typed_as_a_user_would_give_the_same_settings() {
        for (Profile profile : Profile.values()) {
            Map<String, String> typed = new HashMap<>();
            QuartzSettings.KNOBS.options().forEach(option -> typed.put(option.name(),
                    QuartzSettings.KNOBS.effective(BackendSettings.of(profile, Map.of())).get(option.name())));

            assertThat(QuartzSettings.from(BackendSettings.of(profile, typed)))
                    .isEqualTo(QuartzSettings.from(BackendSettings.of(profile, Map.of())));
        }
    }

    @Test
    void knobs_become_the_properties_of_a_clustered_jdbc_job_store_that_never_fires_ahead() {
        QuartzSettings settings = QuartzSettings.from(BackendSettings.of(Map.of(
                "threads", "16", "batch-acquisition", "8", "idle-wait", "2s", "misfire-threshold", "30s")));

        Properties properties = settings.toQuartzProperties("queue-bench", "node-1", "queue-bench-1");

        assertThat(properties)
                .containsEntry("org.quartz.scheduler.instanceName", "queue-bench")
                .containsEntry("org.quartz.scheduler.instanceId", "node-1")
                .containsEntry("org.quartz.threadPool.threadCount", "16")
                .containsEntry("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "8")
                .containsEntry("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0")
                .containsEntry("org.quartz.scheduler.idleWaitTime", "2000")
                .containsEntry("org.quartz.jobStore.misfireThreshold", "30000")
                .containsEntry("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX")
                .containsEntry("org.quartz.jobStore.driverDelegateClass",
                        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate")
                .containsEntry("org.quartz.jobStore.dataSource", "queue-bench-1")
                .containsEntry("org.quartz.jobStore.isClustered", "true")
                .containsEntry("org.quartz.jobStore.acquireTriggersWithinLock", "true")
                .containsEntry("org.quartz.jobStore.useProperties", "true");
        assertThat(properties.stringPropertyNames()).noneMatch(name -> name.startsWith("org.quartz.dataSource."));
    }

    @Test
    void unknown_knobs_are_rejected_naming_the_known_ones() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuartzSettings.KNOBS.effective(BackendSettings.of(Map.of("poll-interval", "1s"))))
                .withMessageContaining("unknown backend option(s) [poll-interval]")
                .withMessageContaining("batch-acquisition");
    }

    @Test
    void invalid_values_are_rejected_with_what_was_expected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuartzSettings.from(BackendSettings.of(Map.of("threads", "many"))))
                .withMessage("threads must be a whole number, was 'many'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuartzSettings.from(BackendSettings.of(Map.of("batch-acquisition", "0"))))
                .withMessage("batch-acquisition must be between 1 and 1000, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuartzSettings.from(BackendSettings.of(Map.of("idle-wait", "soon"))))
                .withMessageContaining("not a duration");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuartzSettings.from(BackendSettings.of(Map.of("misfire-threshold", "0s"))))
                .withMessage("misfire-threshold must be at least 1s, was 0s");
    }

    @Test
    void an_idle_wait_under_a_second_is_rejected_because_quartz_refuses_it() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuartzSettings.from(BackendSettings.of(Map.of("idle-wait", "500ms"))))
                .withMessage("idle-wait must be at least 1s (Quartz refuses less), was 500ms");
    }
}
