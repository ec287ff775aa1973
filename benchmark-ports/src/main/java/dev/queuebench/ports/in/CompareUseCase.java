package dev.queuebench.ports.in;

import java.util.concurrent.CompletableFuture;

/** Runs one benchmark on several backends, profiles or node counts, with faults injected, for a side-by-side view. */
public interface CompareUseCase {

    /**
     * Runs each backend in each profile on each node count in turn, from tables emptied as if new, with only its own
     * workers running: the extra nodes started for its runs and stopped after them, the faults injected into each kept
     * run and stored with it. A backend whose calibration does not finish stands with that calibration's report.
     *
     * @throws IllegalArgumentException for a backend that is not registered, or knobs that do not fit
     * @throws IllegalStateException    when a worker node fails to start, or the plan asks for what this program
     *                                  cannot do (extra nodes without worker processes)
     */
    Comparison compare(ComparePlan plan, CompareListener listener);

    /**
     * The same comparison driven in the background, after the runs and comparisons this node started before it, as
     * the page starts one. The backends and their knobs are checked before this returns; what goes wrong later (a
     * worker node that does not start, the program closing) completes the future exceptionally.
     *
     * @return the comparison, once its last run ended
     * @throws IllegalArgumentException for a backend that is not registered, or knobs that do not fit
     * @throws IllegalStateException    when this program is shutting down
     */
    CompletableFuture<Comparison> compareInBackground(ComparePlan plan, CompareListener listener);
}
