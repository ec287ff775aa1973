package dev.queuebench.core.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.TickCounts;
import dev.queuebench.ports.out.CompletionSnapshot;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunRecorderTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");
    private static final long T0 = Micros.of(CREATED);
    private static final NodeId NODE = NodeId.of("node-a");

    @Test
    void the_first_completion_of_a_job_is_distinct_and_later_ones_are_duplicates() {
        RunRecorder recorder = new RunRecorder(RunId.of(1), 3, CREATED);

        assertThat(recorder.recordCompletion(1, T0, T0 + 5, T0 + 6)).isTrue();
        assertThat(recorder.recordCompletion(1, T0, T0 + 7, T0 + 8)).isFalse();

        CompletionSnapshot snapshot = recorder.snapshot(NODE, CREATED);
        assertThat(snapshot.distinctCompleted()).isEqualTo(1);
        assertThat(snapshot.executions()).isEqualTo(2);
        assertThat(SnapshotCodec.completedJobs(snapshot).toArray()).containsExactly(1);
    }

    @Test
    void the_last_and_the_highest_job_indices_are_tracked() {
        RunRecorder recorder = new RunRecorder(RunId.of(1), 130, CREATED);
        recorder.recordCompletion(0, T0, T0, T0);
        recorder.recordCompletion(63, T0, T0, T0);
        recorder.recordCompletion(64, T0, T0, T0);
        recorder.recordCompletion(129, T0, T0, T0);

        assertThat(SnapshotCodec.completedJobs(recorder.snapshot(NODE, CREATED)).toArray()).containsExactly(0, 63, 64, 129);
    }

    @Test
    void each_jobs_busy_time_counts_in_the_seconds_it_spanned_on_whichever_thread_ran_it() throws Exception {
        RunRecorder recorder = new RunRecorder(RunId.of(1), 3, CREATED);
        recorder.recordCompletion(0, T0, T0 + 400_000, T0 + 1_900_000);
        Thread other = new Thread(() -> recorder.recordCompletion(1, T0, T0 + 100_000, T0 + 300_000));
        other.start();
        other.join();

        TickCounts busy = SnapshotCodec.busyPerSecond(recorder.snapshot(NODE, CREATED));

        assertThat(busy.tickMillis()).isEqualTo(1_000);
        assertThat(busy.startOf(0)).isEqualTo(CREATED);
        assertThat(busy.counts()).as("0.6 s + 0.2 s in the first second, 0.9 s in the next")
                .containsExactly(800_000, 900_000);

        RunRecorder restarted = new RunRecorder(RunId.of(1), 3, CREATED);
        restarted.restore(recorder.snapshot(NODE, CREATED));
        assertThat(SnapshotCodec.busyPerSecond(restarted.snapshot(NODE, CREATED)).total())
                .as("what a node recorded before its restart").isEqualTo(1_700_000);
    }

    @Test
    void a_job_index_outside_the_run_is_refused() {
        RunRecorder recorder = new RunRecorder(RunId.of(1), 3, CREATED);
        assertThatIllegalArgumentException().isThrownBy(() -> recorder.recordCompletion(3, T0, T0, T0))
                .withMessage("job index 3 is outside run 1 of 3 jobs");
    }

    @Test
    void latencies_are_measured_from_the_due_time_and_may_be_negative() {
        RunRecorder recorder = new RunRecorder(RunId.of(1), 2, CREATED);
        recorder.recordCompletion(0, T0 + 1_000, T0 + 400, T0 + 1_500);
        recorder.recordCompletion(1, T0 + 1_000, T0 + 3_000, T0 + 3_100);

        CompletionSnapshot snapshot = recorder.snapshot(NODE, CREATED);
        assertThat(SnapshotCodec.pickupLag(snapshot).min()).isEqualTo(-600);
        assertThat(SnapshotCodec.pickupLag(snapshot).max()).isCloseTo(2_000, within(2L));
        // three significant digits: HdrHistogram reports the top of the value's bucket
        assertThat(SnapshotCodec.endToEnd(snapshot).max()).isCloseTo(2_100, within(3L));
        assertThat(snapshot.firstFinishedAt()).contains(Micros.toInstant(T0 + 1_500));
        assertThat(snapshot.lastFinishedAt()).contains(Micros.toInstant(T0 + 3_100));
    }

    @Test
    void completions_are_counted_per_second_of_their_finish_time() {
        RunRecorder recorder = new RunRecorder(RunId.of(1), 4, CREATED);
        recorder.recordCompletion(0, T0, T0, T0 + 100);
        recorder.recordCompletion(1, T0, T0, T0 + 200);
        recorder.recordCompletion(2, T0, T0, T0 + 2_000_100);

        CompletionSnapshot snapshot = recorder.snapshot(NODE, CREATED);
        assertThat(snapshot.completionsPerSecond().startEpochSecond()).isEqualTo(CREATED.getEpochSecond());
        assertThat(snapshot.completionsPerSecond().counts()).containsExactly(2, 0, 1);
    }

    @Test
    void progress_time_moves_only_when_something_was_recorded_since_the_last_snapshot() {
        RunRecorder recorder = new RunRecorder(RunId.of(1), 4, CREATED);
        recorder.recordCompletion(0, T0, T0, T0);
        assertThat(recorder.snapshot(NODE, CREATED.plusSeconds(1)).updatedAt()).isEqualTo(CREATED.plusSeconds(1));

        assertThat(recorder.hasChangedSinceLastSnapshot()).isFalse();
        assertThat(recorder.snapshot(NODE, CREATED.plusSeconds(9)).updatedAt()).isEqualTo(CREATED.plusSeconds(1));
    }

    @Test
    void a_restored_recorder_keeps_counting_duplicates_across_a_restart() {
        RunRecorder before = new RunRecorder(RunId.of(1), 4, CREATED);
        before.recordCompletion(2, T0, T0, T0);
        CompletionSnapshot earlier = before.snapshot(NODE, CREATED);

        RunRecorder after = new RunRecorder(RunId.of(1), 4, CREATED);
        after.restore(earlier);
        assertThat(after.recordCompletion(2, T0, T0, T0)).isFalse();

        CompletionSnapshot snapshot = after.snapshot(NODE, CREATED.plusSeconds(1));
        assertThat(snapshot.distinctCompleted()).isEqualTo(1);
        assertThat(snapshot.executions()).isEqualTo(2);
        assertThat(SnapshotCodec.pickupLag(snapshot).count()).isEqualTo(2);
    }

    @Test
    void many_threads_record_every_job_exactly_once() throws InterruptedException {
        int jobs = 200_000;
        RunRecorder recorder = new RunRecorder(RunId.of(1), jobs, CREATED);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                // every thread runs every job: one of them is first, the others are duplicates
                for (int i = 0; i < jobs; i++) {
                    recorder.recordCompletion((i + offset * 1_000) % jobs, T0, T0 + 10, T0 + 20);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        CompletionSnapshot snapshot = recorder.snapshot(NODE, CREATED);
        assertThat(snapshot.distinctCompleted()).isEqualTo(jobs);
        assertThat(snapshot.executions()).isEqualTo((long) jobs * threads);
        assertThat(SnapshotCodec.pickupLag(snapshot).count()).isEqualTo((long) jobs * threads);
    }
}
