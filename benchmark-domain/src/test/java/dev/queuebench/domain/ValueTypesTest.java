package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Nested
    class Jobs_count {

        @Test
        void rejects_zero_jobs() {
            assertThatIllegalArgumentException().isThrownBy(() -> JobsCount.of(0))
                    .withMessage("jobs count must be between 1 and 10,000,000, was 0");
        }

        @Test
        void accepts_one_job() {
            assertThat(JobsCount.of(1).value()).isEqualTo(1);
        }

        @Test
        void accepts_ten_million_jobs() {
            assertThat(JobsCount.of(10_000_000).value()).isEqualTo(10_000_000);
        }

        @Test
        void rejects_one_more_than_ten_million() {
            assertThatIllegalArgumentException().isThrownBy(() -> JobsCount.of(10_000_001))
                    .withMessageContaining("was 10000001");
        }

        @Test
        void reports_a_huge_count_instead_of_overflowing() {
            assertThatIllegalArgumentException().isThrownBy(() -> JobsCount.of(5_000_000_000L))
                    .withMessageContaining("was 5000000000");
        }

        @Test
        void rejects_negative_counts() {
            assertThatIllegalArgumentException().isThrownBy(() -> JobsCount.of(-1));
        }
    }

    @Nested
    class Job_delay {

        @Test
        void accepts_no_delay() {
            assertThat(JobDelay.of(Duration.ZERO).value()).isZero();
        }

        @Test
        void accepts_exactly_one_hour() {
            assertThat(JobDelay.of(Duration.ofHours(1)).value()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void rejects_a_nanosecond_more_than_one_hour() {
            assertThatIllegalArgumentException().isThrownBy(() -> JobDelay.of(Duration.ofHours(1).plusNanos(1)))
                    .withMessageContaining("between 0s and 1h");
        }

        @Test
        void rejects_a_negative_delay() {
            assertThatIllegalArgumentException().isThrownBy(() -> JobDelay.of(Duration.ofMillis(-1)));
        }

        @Test
        void defaults_to_ten_seconds() {
            assertThat(JobDelay.DEFAULT.value()).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Nested
    class Backend_id {

        @Test
        void accepts_lower_case_names_with_dashes() {
            assertThat(BackendId.of("db-scheduler").value()).isEqualTo("db-scheduler");
        }

        @Test
        void rejects_upper_case_spaces_and_markup() {
            assertThatIllegalArgumentException().isThrownBy(() -> BackendId.of("DB Scheduler"));
            assertThatIllegalArgumentException().isThrownBy(() -> BackendId.of("<script>"));
            assertThatIllegalArgumentException().isThrownBy(() -> BackendId.of(""));
        }

        @Test
        void rejects_names_longer_than_forty_characters() {
            assertThat(BackendId.of("a".repeat(40)).value()).hasSize(40);
            assertThatIllegalArgumentException().isThrownBy(() -> BackendId.of("a".repeat(41)));
        }
    }

    @Nested
    class Scheduling_mode {

        @Test
        void reads_the_wire_names_of_the_original_harness() {
            assertThat(SchedulingMode.fromWireName("one_by_one")).isEqualTo(SchedulingMode.ONE_BY_ONE);
            assertThat(SchedulingMode.fromWireName("in_bulk")).isEqualTo(SchedulingMode.IN_BULK);
        }

        @Test
        void names_the_accepted_modes_when_the_mode_is_unknown() {
            assertThatIllegalArgumentException().isThrownBy(() -> SchedulingMode.fromWireName("bulk"))
                    .withMessage("scheduling mode must be one of one_by_one, in_bulk, was 'bulk'");
        }
    }

    @Nested
    class Run_id {

        @Test
        void parses_what_a_user_types() {
            assertThat(RunId.parse(" 42 ")).isEqualTo(RunId.of(42));
        }

        @Test
        void rejects_zero_and_garbage() {
            assertThatIllegalArgumentException().isThrownBy(() -> RunId.of(0));
            assertThatIllegalArgumentException().isThrownBy(() -> RunId.parse("abc"))
                    .withMessage("run id must be a positive whole number, was 'abc'");
        }
    }

    @Nested
    class Completion_counts {

        @Test
        void counts_duplicates_and_missing_jobs() {
            CompletionCounts counts = new CompletionCounts(10, 8, 11);
            assertThat(counts.duplicateExecutions()).isEqualTo(3);
            assertThat(counts.missingJobs()).isEqualTo(2);
            assertThat(counts.allCompleted()).isFalse();
        }

        @Test
        void all_completed_exactly_when_every_distinct_job_ran() {
            assertThat(new CompletionCounts(10, 10, 10).allCompleted()).isTrue();
            assertThat(CompletionCounts.none(10).missingJobs()).isEqualTo(10);
        }

        @Test
        void rejects_impossible_counts() {
            assertThatIllegalArgumentException().isThrownBy(() -> new CompletionCounts(10, 11, 11));
            assertThatIllegalArgumentException().isThrownBy(() -> new CompletionCounts(10, 5, 4));
        }
    }

    @Nested
    class TrialPlans {

        @Test
        void takes_one_to_a_hundred_trials_after_zero_to_a_hundred_warm_ups() {
            assertThat(new TrialPlan(0, 1)).isEqualTo(new TrialPlan(0, 1));
            assertThat(new TrialPlan(TrialPlan.MAX, TrialPlan.MAX).trials()).isEqualTo(100);
        }

        @Test
        void rejects_counts_out_of_range_naming_the_range() {
            assertThatIllegalArgumentException().isThrownBy(() -> new TrialPlan(0, 0))
                    .withMessage("trials must be between 1 and 100, was 0");
            assertThatIllegalArgumentException().isThrownBy(() -> new TrialPlan(0, 101));
            assertThatIllegalArgumentException().isThrownBy(() -> new TrialPlan(-1, 1))
                    .withMessage("warm-ups must be between 0 and 100, was -1");
            assertThatIllegalArgumentException().isThrownBy(() -> new TrialPlan(101, 1));
        }
    }
}
