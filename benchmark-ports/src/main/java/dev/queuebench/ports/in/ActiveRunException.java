package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;

/**
 * A benchmark that needs the database to itself (clean backend tables, nothing else running) found another run
 * scheduling or running. Nothing was changed.
 */
public final class ActiveRunException extends IllegalStateException {

    private final RunId activeRun;

    public ActiveRunException(RunId activeRun, String backend, String status) {
        super("run " + activeRun + " on " + backend + " is " + status + "; a benchmark needs the database to itself:"
                + " wait until it finished or stalled, then start again");
        this.activeRun = activeRun;
    }

    public RunId activeRun() {
        return activeRun;
    }
}
