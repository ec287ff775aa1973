package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.RunId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Completions recorded each from a new virtual thread, as JobRunr runs its jobs on JDK 21+: {@value #BATCH} virtual
 * threads per invocation, each recording one completion into one shared recorder, against the same threads recording
 * nothing. The difference is what recording costs there; the line printed after each trial says how many histograms
 * the recorder keeps, which is fixed whatever the number of threads that ever recorded.
 * Needs JDK 21 or newer (virtual threads); on JDK 17 the setup fails with that message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class VirtualThreadRecorderBenchmark {

    static final int BATCH = 1_000;
    private static final int JOBS = 100_000_000;

    private ExecutorService virtualThreads;
    private RunRecorder recorder;
    private final AtomicInteger nextJob = new AtomicInteger();
    private final Future<?>[] batch = new Future<?>[BATCH];

    @Setup(Level.Trial)
    public void start() throws ReflectiveOperationException {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("virtual threads need JDK 21 or newer; this is " + Runtime.version());
        }
        // compiled for JDK 17: the JDK 21 API is reached by reflection
        virtualThreads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        recorder = new RunRecorder(RunId.of(1), JOBS, SimulatedWorker.RUN_CREATED_AT);
    }

    @TearDown(Level.Trial)
    public void stop() {
        virtualThreads.shutdown();
        if (recorder.distinctCompleted() == 0) {
            return;
        }
        System.out.printf("%nrecorded %,d completions from as many virtual threads into %d histograms per latency%n",
                recorder.distinctCompleted(), LatencyRecorder.STRIPES * 2);
    }

    /** Per completion: start a virtual thread that records one completion, and wait for it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void recordFromANewVirtualThread() throws Exception {
        long due = Micros.of(SimulatedWorker.RUN_CREATED_AT);
        for (int i = 0; i < BATCH; i++) {
            int job = nextJob.getAndIncrement() % JOBS;
            batch[i] = virtualThreads.submit(() -> recorder.recordCompletion(job, due, due + 1_000, due + 2_000));
        }
        for (Future<?> done : batch) {
            done.get();
        }
    }

    /** The same virtual threads recording nothing: what the benchmark above spends outside the recorder. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void newVirtualThreadAlone() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            int job = nextJob.getAndIncrement();
            batch[i] = virtualThreads.submit(() -> job);
        }
        for (Future<?> done : batch) {
            done.get();
        }
    }
}
