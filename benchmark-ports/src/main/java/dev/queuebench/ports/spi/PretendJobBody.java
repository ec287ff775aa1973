package dev.queuebench.ports.spi;

import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * What a pretend job does when a backend runs it, the same in every backend: it starts, does its run's work (none by
 * default; sleeping or keeping a CPU busy for a while), checks that its payload came back whole, and reports its
 * completion with its due, start and finish times. A backend calls {@link #run} from its library's job and nothing
 * else.
 */
public final class PretendJobBody {

    private final Clock clock;
    private final RecordJobCompletionUseCase completions;
    private final JobWorkSource jobWork;

    public PretendJobBody(BackendContext context) {
        this.clock = Objects.requireNonNull(context, "context is required").clock();
        this.completions = context.completions();
        this.jobWork = context.jobWork();
    }

    /** A job that carries no payload. */
    public void run(long runId, int index, Instant dueAt) {
        run(runId, index, dueAt, "");
    }

    /**
     * @param dueAt   when the job was due: the time the backend was asked to run it at, as its library stored it
     * @param payload the payload as the library handed it back ({@code null} counts as empty)
     * @throws IllegalStateException  when the payload did not come back whole: the job failed
     * @throws CancellationException  when the job's thread was interrupted while it slept
     */
    public void run(long runId, int index, Instant dueAt, String payload) {
        RunId run = RunId.of(runId);
        JobWork work = jobWork.jobWorkOf(run);
        Instant startedAt = clock.instant();
        completions.jobStarted(run, index, startedAt);
        int carried = payload == null ? 0 : payload.length();
        if (carried != work.payloadBytes()) {
            throw new IllegalStateException("job " + index + " of run " + runId + " came back with a payload of "
                    + carried + " characters, not " + work.payloadBytes());
        }
        doWork(work);
        completions.jobCompleted(new JobCompletion(run, index, dueAt, startedAt, clock.instant()));
    }

    /** A payload of {@code bytes} ASCII characters, the same for every job of a run. */
    public static String payloadOf(int bytes) {
        return "qb".repeat(bytes / 2) + (bytes % 2 == 1 ? "." : "");
    }

    private static void doWork(JobWork work) {
        switch (work.kind()) {
            case SLEEP -> {
                try {
                    Thread.sleep(work.duration().toMillis(), work.duration().toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while it slept");
                }
            }
            case CPU -> busy(work.duration().toNanos());
            case NONE -> {
            }
        }
    }

    /** Keeps this thread's CPU busy for {@code nanos}, with work the JIT cannot remove. */
    private static void busy(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long x = 0x9E3779B97F4A7C15L;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        if (x == 0) {
            throw new AssertionError("xorshift never reaches 0");
        }
    }
}
