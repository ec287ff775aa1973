package dev.queuebench.core.internal.recording;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The parts of {@link RunRecorder#recordCompletion}, each alone, shared by all threads as in the recorder: where
 * its time goes. The bitset part repeats the recorder's code, which is private to it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RecorderPartsBenchmark {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int JOBS = 1_000_000_000;

    @State(Scope.Benchmark)
    public static class Parts {
        final long[] completedWords = new long[(JOBS + 63) >>> 6];
        final LongAdder executions = new LongAdder();
        final LongAccumulator firstFinishedMicros = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator lastFinishedMicros = new LongAccumulator(Math::max, Long.MIN_VALUE);
        final LatencyRecorder pickupLag = new LatencyRecorder();
        final TickSeries completionsPerSecond =
                TickSeries.perSecond(SimulatedWorker.RUN_CREATED_AT.toEpochMilli());
    }

    @State(Scope.Thread)
    public static class Worker extends SimulatedWorker {
        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            start(JOBS, thread);
        }
    }

    @Benchmark
    public boolean bitsetOr(Parts parts, Worker worker) {
        worker.advance();
        int jobIndex = worker.jobIndex();
        long bit = 1L << jobIndex;
        long before = (long) WORDS.getAndBitwiseOr(parts.completedWords, jobIndex >>> 6, bit);
        return (before & bit) == 0;
    }

    @Benchmark
    public void executionsAdder(Parts parts, Worker worker) {
        worker.advance();
        parts.executions.increment();
    }

    @Benchmark
    public void finishedAccumulators(Parts parts, Worker worker) {
        worker.advance();
        parts.firstFinishedMicros.accumulate(worker.finishedMicros());
        parts.lastFinishedMicros.accumulate(worker.finishedMicros());
    }

    /** One of the two latency recorders (pickup lag, end-to-end) that a completion records into. */
    @Benchmark
    public void latencyRecorder(Parts parts, Worker worker) {
        worker.advance();
        parts.pickupLag.record(worker.startedMicros() - worker.dueMicros());
    }

    @Benchmark
    public void secondsSeries(Parts parts, Worker worker) {
        worker.advance();
        parts.completionsPerSecond.add(worker.finishedMicros(), 1);
    }
}
