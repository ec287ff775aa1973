package dev.queuebench.core.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void memory_does_not_grow_with_the_number_of_threads_that_ever_recorded() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        int before = recorder.histograms();

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // a thread per job, as JobRunr runs jobs on JDK 21+ (on virtual threads)
            Thread thread = new Thread(() -> recorder.record(1_000));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(recorder.histograms()).isEqualTo(before).isEqualTo(LatencyRecorder.STRIPES * 2);
        LatencyHistogram drained = new LatencyHistogram();
        recorder.drainInto(drained);
        assertThat(drained.count()).isEqualTo(2_000);
    }

    @Test
    void concurrent_writers_lose_nothing_and_negative_values_keep_their_sign() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        LatencyHistogram drained = new LatencyHistogram();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    recorder.record(i % 2 == 0 ? 500 : -500);
                }
            });
            writers.add(writer);
            writer.start();
        }
        // the drainer runs while they write
        for (int i = 0; i < 20; i++) {
            recorder.drainInto(drained);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        recorder.drainInto(drained);

        assertThat(drained.count()).isEqualTo(400_000);
        assertThat(drained.min()).isEqualTo(-500);
        assertThat(drained.max()).isEqualTo(500);
    }

    @Test
    void there_are_four_stripes_per_core_as_a_power_of_two_between_4_and_64() {
        assertThat(LatencyRecorder.stripesFor(1)).isEqualTo(4);
        assertThat(LatencyRecorder.stripesFor(2)).isEqualTo(8);
        assertThat(LatencyRecorder.stripesFor(3)).isEqualTo(16);
        assertThat(LatencyRecorder.stripesFor(64)).isEqualTo(64);
    }
}
