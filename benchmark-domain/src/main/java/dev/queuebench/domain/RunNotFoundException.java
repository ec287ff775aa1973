package dev.queuebench.domain;

/** No run has this id. */
public final class RunNotFoundException extends RuntimeException {

    private final RunId runId;

    public RunNotFoundException(RunId runId) {
        super("no benchmark run with id " + runId);
        this.runId = runId;
    }

    public RunId runId() {
        return runId;
    }
}
