package dev.queuebench.core.internal.recording;

import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.JobCompletion;
import java.util.concurrent.TimeUnit;
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
 * {@link CompletionRecorders#jobCompleted}, the use case the backends call: the recorder lookup, the conversion of
 * the completion's instants to microseconds, and {@link RunRecorder#recordCompletion}. The completion is built in
 * the benchmark method as the adapters build it ({@code new JobCompletion(..., clock.instant())}), so the
 * allocation figure says whether the JIT removes that object and its instants. {@link #jobCompletedPrebuilt} takes
 * the completions from a ring built beforehand instead: the use case's own cost, without the caller's objects.
 *
 * <p>The run has 10^7 jobs, the most a run may have, so threads wrap their slices within the first second and most
 * recordings repeat a job; {@link RunRecorderBenchmark} shows that repeats cost what first completions cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CompletionRecordersBenchmark {

    @State(Scope.Benchmark)
    public static class Node {
        final RunId runId = RunId.of(1);
        CompletionRecorders completions;

        @Setup(Level.Trial)
        public void create() {
            InMemoryRunStore runs = new InMemoryRunStore();
            runs.insertRun(BenchmarkRun.create(runId, new RunSpec(BackendId.of("jmh"), JobsCount.of(JobsCount.MAX),
                    SchedulingMode.IN_BULK, JobDelay.DEFAULT), SimulatedWorker.RUN_CREATED_AT), NodeId.of("jmh"));
            completions = new CompletionRecorders(NodeId.of("jmh"), runs, new InMemorySnapshotStore());
        }
    }

    @State(Scope.Thread)
    public static class Worker extends SimulatedWorker {
        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            start(JobsCount.MAX, thread);
        }
    }

    /**
     * The completions one thread reports, built before the measurement: {@value #RING_SIZE} of them, reported over
     * and over, so that their finish times repeat every {@value #RING_SIZE} microseconds of simulated time.
     */
    @State(Scope.Thread)
    public static class PrebuiltCompletions {
        static final int RING_SIZE = 1 << 16;
        final JobCompletion[] ring = new JobCompletion[RING_SIZE];
        int next;

        @Setup(Level.Trial)
        public void build(Node node, Worker worker) {
            for (int i = 0; i < RING_SIZE; i++) {
                worker.advance();
                ring[i] = new JobCompletion(node.runId, worker.jobIndex(), Micros.toInstant(worker.dueMicros()),
                        Micros.toInstant(worker.startedMicros()), Micros.toInstant(worker.finishedMicros()));
            }
        }

        JobCompletion next() {
            JobCompletion completion = ring[next];
            next = (next + 1) & (RING_SIZE - 1);
            return completion;
        }
    }

    @Benchmark
    public void jobCompletedPrebuilt(Node node, PrebuiltCompletions completions) {
        node.completions.jobCompleted(completions.next());
    }

    @Benchmark
    public void jobCompleted(Node node, Worker worker) {
        worker.advance();
        node.completions.jobCompleted(new JobCompletion(node.runId, worker.jobIndex(),
                Micros.toInstant(worker.dueMicros()), Micros.toInstant(worker.startedMicros()),
                Micros.toInstant(worker.finishedMicros())));
    }
}
