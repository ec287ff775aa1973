package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;

/** Hears a comparison go from one backend, profile and node count to the next. */
public interface CompareListener {

    /**
     * One backend's runs in one profile on one node count are about to start.
     *
     * @return what hears those runs, calibrations and warm-ups included
     */
    RunListener starting(BackendId backend, Profile profile, int nodes);

    /** Those runs ended: their trials, or the calibration that failed in their place. */
    default void ended(TrialResult result) {
    }
}
