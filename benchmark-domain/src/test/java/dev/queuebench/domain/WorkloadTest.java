package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final BackendId BACKEND = BackendId.of("postgres");

    @Test
    void a_rate_holds_rate_times_duration_jobs_each_intended_at_its_place_in_the_offer() {
        Workload.Rate rate = new Workload.Rate(200, Duration.ofSeconds(30));

        assertThat(rate.jobs()).isEqualTo(JobsCount.of(6_000));
        assertThat(rate.intendedOffsetNanos(0)).isZero();
        assertThat(rate.intendedOffsetNanos(1)).isEqualTo(5_000_000);
        assertThat(rate.intendedOffsetNanos(5_999)).isEqualTo(29_995_000_000L);
        assertThat(new Workload.Rate(0.5, Duration.ofSeconds(10)).jobs()).isEqualTo(JobsCount.of(5));
    }

    @Test
    void a_rate_out_of_range_is_refused_naming_the_range() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Workload.Rate(0, Duration.ofSeconds(10)))
                .withMessageContaining("rate must be above 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Workload.Rate(100_001, Duration.ofSeconds(10)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Workload.Rate(100, Duration.ofMillis(500)))
                .withMessageContaining("between 1s and 24h");
        assertThatIllegalArgumentException().isThrownBy(() -> new Workload.Rate(0.01, Duration.ofSeconds(10)))
                .withMessageContaining("rate x duration must come to between 1 and 10,000,000 jobs, was 0");
    }

    @Test
    void the_list_of_names_is_every_workloads_own_in_order() {
        assertThat(Workload.WIRE_NAMES).containsExactly(Workload.DELAYED.wireName(), Workload.BACKLOG.wireName(),
                new Workload.Rate(1, Duration.ofSeconds(1)).wireName());
        assertThat(Workload.class.getPermittedSubclasses()).hasSameSizeAs(Workload.WIRE_NAMES);
    }

    @Test
    void names_read_back_and_only_the_delayed_workload_is_enqueued_by_a_backend_worker() {
        assertThat(Workload.withoutParameters("delayed")).isEqualTo(Workload.DELAYED);
        assertThat(Workload.withoutParameters("backlog").wireName()).isEqualTo("backlog");
        assertThatIllegalArgumentException().isThrownBy(() -> Workload.withoutParameters("burst"))
                .withMessage("workload must be one of delayed, backlog, rate, was 'burst'");
        assertThat(Workload.DELAYED.enqueuedByTheRunner()).isFalse();
        assertThat(Workload.BACKLOG.enqueuedByTheRunner()).isTrue();
    }

    @Test
    void each_workload_says_when_its_jobs_are_due_where_latency_counts_from_and_whether_time_sizes_it() {
        Workload rate = new Workload.Rate(10, Duration.ofSeconds(2));
        assertThat(Workload.DELAYED.jobsDueAtOnce(JobDelay.DEFAULT)).as("due a delay later").isFalse();
        assertThat(Workload.DELAYED.jobsDueAtOnce(JobDelay.of(Duration.ZERO))).as("a delay of 0s").isTrue();
        assertThat(Workload.BACKLOG.jobsDueAtOnce(JobDelay.of(Duration.ZERO))).isTrue();
        assertThat(rate.jobsDueAtOnce(JobDelay.of(Duration.ZERO))).as("due at its intended time").isTrue();

        assertThat(Workload.BACKLOG.latencyFromWorkersStart()).isTrue();
        assertThat(Workload.DELAYED.latencyFromWorkersStart()).isFalse();
        assertThat(rate.latencyFromWorkersStart()).isFalse();

        assertThat(rate.sizedByTime()).as("a rate lasts its duration").isFalse();
        assertThat(Workload.BACKLOG.sizedByTime()).isTrue();
        assertThat(Workload.DELAYED.sizedByTime()).isTrue();
    }

    @Test
    void a_spec_refuses_a_delay_outside_the_delayed_workload_and_a_rate_whose_jobs_do_not_add_up() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RunSpec(BACKEND, JobsCount.of(10),
                        SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT, Workload.BACKLOG, JobWork.NONE))
                .withMessageContaining("the backlog workload's jobs are due when they are enqueued");
        Workload.Rate rate = new Workload.Rate(10, Duration.ofSeconds(2));
        assertThatIllegalArgumentException().isThrownBy(() -> new RunSpec(BACKEND, JobsCount.of(10),
                        SchedulingMode.ONE_BY_ONE, JobDelay.of(Duration.ZERO), rate, JobWork.NONE))
                .withMessage("a rate workload's jobs count is rate x duration, 20, not 10");
        assertThat(new RunSpec(BACKEND, JobsCount.of(20), SchedulingMode.IN_BULK, JobDelay.of(Duration.ZERO), rate,
                JobWork.NONE).workload()).isEqualTo(rate);
    }

    @Test
    void job_work_reads_what_users_type_and_writes_it_back() {
        JobWork sleep = JobWork.parse("sleep:10ms", "4KB");

        assertThat(sleep).isEqualTo(new JobWork(JobWork.Kind.SLEEP, Duration.ofMillis(10), 4096));
        assertThat(sleep.workText()).isEqualTo("sleep:10ms");
        assertThat(sleep.payloadText()).isEqualTo("4KB");
        assertThat(JobWork.parse("CPU:2ms", "512").payloadText()).isEqualTo("512B");
        assertThat(JobWork.parse("none", "0")).isEqualTo(JobWork.NONE);
        assertThat(JobWork.NONE.workText()).isEqualTo("none");
        assertThat(JobWork.parseSize("1MB")).isEqualTo(1 << 20);
    }

    @Test
    void job_work_out_of_range_or_unreadable_is_refused_with_what_was_expected() {
        assertThatIllegalArgumentException().isThrownBy(() -> JobWork.parse("spin:1ms", "0"))
                .withMessageContaining("job work must be none, sleep:DURATION or cpu:DURATION");
        assertThatIllegalArgumentException().isThrownBy(() -> JobWork.parse("sleep:2m", "0"))
                .withMessage("job work must take between 1ms and 1m, was 2m");
        assertThatIllegalArgumentException().isThrownBy(() -> JobWork.parse("sleep:0ms", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> JobWork.parse("none", "2MB"))
                .withMessage("payload must be between 0 and 1MB, was '2MB'");
        assertThatIllegalArgumentException().isThrownBy(() -> JobWork.parse("none", "lots"))
                .withMessageContaining("payload must be a size like 0, 512B, 4KB or 1MB");
    }
}
