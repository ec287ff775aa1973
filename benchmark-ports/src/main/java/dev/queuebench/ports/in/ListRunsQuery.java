package dev.queuebench.ports.in;

import java.util.List;

/** Lists runs with their reports, newest first. */
public interface ListRunsQuery {

    List<RunReport> listRuns(RunListFilter filter);
}
