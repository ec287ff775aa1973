package dev.queuebench.adapter.jobrunr;

import dev.queuebench.ports.spi.PretendJobBody;
import org.jobrunr.jobs.lambdas.JobRequestHandler;


/**
 * Runs a {@link PretendJobRequest}: the pretend job's body, as every backend runs it.
 *
 * <p>Public because JobRunr invokes {@code run} reflectively from its own package; built only by this module.
 */
public final class PretendJobHandler implements JobRequestHandler<PretendJobRequest> {

    private final PretendJobBody body;

    PretendJobHandler(PretendJobBody body) {
        this.body = body;
    }

    @Override
    public void run(PretendJobRequest request) {
        body.run(request.runId(), request.index(), request.dueAt(), request.payload());
    }
}
