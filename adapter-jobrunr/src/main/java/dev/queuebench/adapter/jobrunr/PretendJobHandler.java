package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import java.time.Clock;
import java.time.Instant;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs a {@link PretendJobRequest}: does no work and reports its completion.
 *
 * <p>Public because JobRunr invokes {@code run} reflectively from its own package; built only by this module.
 */
public final class PretendJobHandler implements JobRequestHandler<PretendJobRequest> {

    private final Clock clock;
    private final RecordJobCompletionUseCase completions;

    PretendJobHandler(Clock clock, RecordJobCompletionUseCase completions) {
        this.clock = clock;
        this.completions = completions;
    }

    @Override
    public void run(PretendJobRequest request) {
        Instant startedAt = clock.instant();
        completions.jobCompleted(new JobCompletion(
                RunId.of(request.runId()), request.index(), request.dueAt(), startedAt, clock.instant()));
    }
}
