package dev.queuebench.adapter.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.spi.PretendJob;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.Trigger;

class QuartzJobsTest {

    private static final Instant DUE = Instant.parse("2025-01-01T12:00:00.123456789Z");

    @Test
    void a_pretend_job_is_a_non_durable_job_with_text_data_and_one_trigger_due_at_the_millisecond() {
        JobDetail job = QuartzJobs.pretendJob(new PretendJob(RunId.of(7), 12, DUE));
        Trigger trigger = QuartzJobs.firstAttempt(job, DUE, Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);

        assertThat(job.isDurable()).isFalse();
        assertThat(job.getJobClass()).isEqualTo(PretendQuartzJob.class);
        assertThat(job.getJobDataMap().getWrappedMap()).isEqualTo(Map.of("runId", "7", "index", "12"));
        assertThat(trigger.getKey().getName()).isEqualTo(job.getKey().getName());
        assertThat(trigger.getStartTime().toInstant()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123Z"));
        assertThat(trigger.getMisfireInstruction()).isEqualTo(Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);
        assertThat(QuartzJobs.attemptOf(trigger)).isEqualTo(1);
    }

    @Test
    void a_trigger_with_quartzs_smart_misfire_policy_keeps_the_due_time_its_job_is_measured_from() {
        JobDetail job = QuartzJobs.pretendJob(new PretendJob(RunId.of(7), 12, DUE));
        Trigger trigger = QuartzJobs.firstAttempt(job, DUE, Trigger.MISFIRE_INSTRUCTION_SMART_POLICY);
        Date rewrittenByTheMisfireHandler = Date.from(DUE.plusSeconds(90));

        assertThat(trigger.getMisfireInstruction()).isEqualTo(Trigger.MISFIRE_INSTRUCTION_SMART_POLICY);
        assertThat(QuartzJobs.dueAtOf(trigger, rewrittenByTheMisfireHandler))
                .isEqualTo(Instant.parse("2025-01-01T12:00:00.123Z"));
        Trigger retry = QuartzJobs.nextAttempt(job.getKey(), 2, DUE.plusSeconds(3),
                Trigger.MISFIRE_INSTRUCTION_SMART_POLICY);
        assertThat(QuartzJobs.dueAtOf(retry, Date.from(DUE.plusSeconds(3)))).as("a retry is due at its own time")
                .isEqualTo(DUE.plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void job_data_reads_back_what_was_written() {
        assertThat(PretendJobData.from(new PretendJobData(7, 12, null).toJobDataMap()))
                .isEqualTo(new PretendJobData(7, 12, null));
        assertThat(PretendJobData.from(new PretendJobData(7, 12, "qbqb").toJobDataMap()))
                .isEqualTo(new PretendJobData(7, 12, "qbqb"));
        assertThat(SchedulingJobData.from(new SchedulingJobData(7).toJobDataMap())).isEqualTo(new SchedulingJobData(7));
    }

    @Test
    void job_data_with_a_missing_or_malformed_field_is_unreadable() {
        assertThatThrownBy(() -> PretendJobData.from(new JobDataMap(Map.of("runId", "7"))))
                .isInstanceOf(UnreadableJobDataException.class)
                .hasMessageContaining("no index");
        assertThatThrownBy(() -> PretendJobData.from(new JobDataMap(Map.of("runId", "7", "index", "twelve"))))
                .isInstanceOf(UnreadableJobDataException.class)
                .hasMessage("index is not a whole number of at least 0: 'twelve'");
        assertThatThrownBy(() -> PretendJobData.from(new JobDataMap(Map.of("runId", "7", "index", "-1"))))
                .isInstanceOf(UnreadableJobDataException.class);
        assertThatThrownBy(() -> SchedulingJobData.from(new JobDataMap(Map.of("runId", "0"))))
                .isInstanceOf(UnreadableJobDataException.class)
                .hasMessage("runId is not a positive whole number: '0'");
    }
}
