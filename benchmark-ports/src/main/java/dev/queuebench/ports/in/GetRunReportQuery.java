package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;
import java.util.Optional;

/** One run's report: its phases, status, completion counts, throughput and latencies. */
public interface GetRunReportQuery {

    Optional<RunReport> runReport(RunId runId);
}
