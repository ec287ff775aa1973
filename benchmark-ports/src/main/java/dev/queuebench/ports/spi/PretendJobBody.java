package dev.queuebench.ports.spi;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What a pretend job does when a backend runs it, the same in every backend: it starts, does its work (none), and
 * reports its completion with its due, start and finish times. A backend calls {@link #run} from its library's job
 * and nothing else.
 */
public final class PretendJobBody {

    private final Clock clock;
    private final RecordJobCompletionUseCase completions;

    public PretendJobBody(BackendContext context) {
        this.clock = Objects.requireNonNull(context, "context is required").clock();
        this.completions = context.completions();
    }

    /**
     * @param dueAt when the job was due: the time the backend was asked to run it at, as its library stored it
     */
    public void run(long runId, int index, Instant dueAt) {
        Instant startedAt = clock.instant();
        completions.jobCompleted(new JobCompletion(RunId.of(runId), index, dueAt, startedAt, clock.instant()));
    }
}
