package dev.queuebench.cli;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.CompareListener;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.TrialResult;
import java.io.PrintWriter;

/**
 * A comparison's progress on stderr, one {@link ProgressDisplay} per backend, profile and node count; each one's kept
 * runs appended to the results log as soon as they ended.
 */
final class ComparisonProgress implements CompareListener {

    private final PrintWriter err;
    private final ResultsLog log;
    private ProgressDisplay current;

    /** @param log where kept runs go; {@code null} for none */
    ComparisonProgress(PrintWriter err, ResultsLog log) {
        this.err = err;
        this.log = log;
    }

    @Override
    public RunListener starting(BackendId backend, Profile profile, int nodes) {
        current = new ProgressDisplay(err, System.console() != null);
        return current;
    }

    @Override
    public void ended(TrialResult result) {
        current.done();
        if (log != null) {
            log.append(result.trials());
        }
    }
}
