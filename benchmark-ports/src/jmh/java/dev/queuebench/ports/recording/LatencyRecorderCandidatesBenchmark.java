package dev.queuebench.ports.recording;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * What {@link RunRecorder#recordCompletion} costs with each latency recorder: {@code current} ({@link
 * LatencyRecorder}), {@code striped} ({@link StripedLatencyRecorder}) and {@code perThread} ({@link
 * PerThreadLatencyRecorder}). {@link CandidateRecorder#recordCompletion} repeats the recorder's steps, in its order,
 * on the same kind of shared state, so that only the latency recorders differ.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class LatencyRecorderCandidatesBenchmark {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int JOBS = 1_000_000_000;

    @State(Scope.Benchmark)
    public static class CandidateRecorder {
        @Param({"current", "striped", "perThread"})
        String latencies;

        final long[] completedWords = new long[(JOBS + 63) >>> 6];
        final LongAdder executions = new LongAdder();
        final LongAccumulator firstFinishedMicros = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator lastFinishedMicros = new LongAccumulator(Math::max, Long.MIN_VALUE);
        CandidateLatencyRecorder pickupLag;
        CandidateLatencyRecorder endToEnd;
        final SecondsSeries completionsPerSecond =
                new SecondsSeries(SimulatedWorker.RUN_CREATED_AT.getEpochSecond());

        @Setup(Level.Trial)
        public void create() {
            pickupLag = latencyRecorder();
            endToEnd = latencyRecorder();
        }

        private CandidateLatencyRecorder latencyRecorder() {
            return switch (latencies) {
                case "current" -> CandidateLatencyRecorder.current();
                case "striped" -> new StripedLatencyRecorder();
                case "perThread" -> new PerThreadLatencyRecorder();
                default -> throw new IllegalArgumentException("no latency recorder " + latencies);
            };
        }

        boolean recordCompletion(int jobIndex, long dueMicros, long startedMicros, long finishedMicros) {
            if (jobIndex < 0 || jobIndex >= JOBS) {
                throw new IllegalArgumentException("job index " + jobIndex + " is outside the run");
            }
            executions.increment();
            long bit = 1L << jobIndex;
            long before = (long) WORDS.getAndBitwiseOr(completedWords, jobIndex >>> 6, bit);
            firstFinishedMicros.accumulate(finishedMicros);
            lastFinishedMicros.accumulate(finishedMicros);
            pickupLag.record(startedMicros - dueMicros);
            endToEnd.record(finishedMicros - dueMicros);
            completionsPerSecond.add(Math.floorDiv(finishedMicros, 1_000_000L), 1);
            return (before & bit) == 0;
        }
    }

    @State(Scope.Thread)
    public static class Worker extends SimulatedWorker {
        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            start(JOBS, thread);
        }
    }

    /** One latency recorder alone: a completion records into two. */
    @Benchmark
    public void latencyRecorder(CandidateRecorder recorder, Worker worker) {
        worker.advance();
        recorder.pickupLag.record(worker.startedMicros() - worker.dueMicros());
    }

    @Benchmark
    public boolean recordCompletion(CandidateRecorder recorder, Worker worker) {
        worker.advance();
        return recorder.recordCompletion(worker.jobIndex(), worker.dueMicros(), worker.startedMicros(),
                worker.finishedMicros());
    }
}
