package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.RunId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * {@link RunRecorder#recordCompletion}, the hot path every pretend job takes: one recorder shared by all benchmark
 * threads (run with {@code -t 1}, {@code -t 2}, ...), as a node's workers share their run's recorder.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RunRecorderBenchmark {

    /**
     * A fresh run, large enough that no thread wraps its slice within a fork (about 10^9 completions at 10 ns
     * each), so every recording is a job's first. The largest real run, 10^7 jobs, would wrap after a third of a
     * second; {@link #recordRepeatedCompletion} measures what recording an already recorded job costs.
     */
    @State(Scope.Benchmark)
    public static class FreshRun {
        @Param("1000000000")
        int jobs;
        RunRecorder recorder;

        @Setup(Level.Trial)
        public void create() {
            recorder = new RunRecorder(RunId.of(1), jobs, SimulatedWorker.RUN_CREATED_AT);
        }
    }

    @State(Scope.Thread)
    public static class FreshRunWorker extends SimulatedWorker {
        /** {@code slices}: no two threads touch the same bitset word; {@code interleaved}: neighbours do. */
        @Param({"slices", "interleaved"})
        String jobOrder;

        @Setup(Level.Trial)
        public void start(FreshRun run, ThreadParams thread) {
            start(run.jobs, thread, jobOrder.equals("interleaved"));
        }

        @TearDown(Level.Trial)
        public void stop() {
            reportWrapping();
        }
    }

    /** A run of the largest allowed size whose every job was recorded once before the measurement. */
    @State(Scope.Benchmark)
    public static class CompletedRun {
        RunRecorder recorder;

        @Setup(Level.Trial)
        public void create() {
            int jobs = 10_000_000;
            recorder = new RunRecorder(RunId.of(2), jobs, SimulatedWorker.RUN_CREATED_AT);
            long finished = Micros.of(SimulatedWorker.RUN_CREATED_AT);
            for (int job = 0; job < jobs; job++) {
                recorder.recordCompletion(job, finished, finished, finished);
            }
        }
    }

    @State(Scope.Thread)
    public static class CompletedRunWorker extends SimulatedWorker {
        @Setup(Level.Trial)
        public void start(CompletedRun run, ThreadParams thread) {
            start(run.recorder.jobsCount(), thread);
        }
    }

    /** A worker with no recorder to feed: its completions wrap, which is all right as nothing records them. */
    @State(Scope.Thread)
    public static class IdleWorker extends SimulatedWorker {
        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            start(10_000_000, thread);
        }
    }

    /** Per recorded completion: a job's first completion. */
    @Benchmark
    public boolean recordCompletion(FreshRun run, FreshRunWorker worker) {
        worker.advance();
        return run.recorder.recordCompletion(worker.jobIndex(), worker.dueMicros(), worker.startedMicros(),
                worker.finishedMicros());
    }

    /** A duplicate execution: the job's bit is already set. */
    @Benchmark
    public boolean recordRepeatedCompletion(CompletedRun run, CompletedRunWorker worker) {
        worker.advance();
        return run.recorder.recordCompletion(worker.jobIndex(), worker.dueMicros(), worker.startedMicros(),
                worker.finishedMicros());
    }

    /** The simulated worker alone: what the benchmarks above spend outside the recorder. */
    @Benchmark
    public long simulatedWorkerAlone(IdleWorker worker) {
        worker.advance();
        return worker.jobIndex() + worker.dueMicros() + worker.startedMicros() + worker.finishedMicros();
    }
}
