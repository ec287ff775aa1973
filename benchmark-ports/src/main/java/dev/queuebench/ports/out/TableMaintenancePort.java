package dev.queuebench.ports.out;

import java.util.List;

/** Database housekeeping between runs. */
public interface TableMaintenancePort {

    /** Reclaims dead rows and refreshes planner statistics ({@code VACUUM ANALYZE}) of the given tables. */
    void vacuumAnalyze(List<String> tables);
}
