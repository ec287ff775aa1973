package dev.queuebench.ports.out;

import java.util.Objects;

/**
 * Every outbound port a persistence adapter over one database provides, handed to the core in one piece
 * ({@code QueueBench.builder().stores(...)}): the adapter depends on the ports only, never on the core it serves.
 */
public record PersistentStores(LoadRunPort loadRuns, SaveRunPort saveRuns, CompletionSnapshotPort snapshots,
                               RunLockPort runLock, RunEnvironmentPort environments,
                               ResourceSamplePort resourceSamples, RunFaultPort runFaults, SweepStorePort sweeps,
                               NodeLeasePort nodeLeases, SchemaMigrationPort schemaMigrations,
                               DatabaseMetricsPort databaseMetrics) {

    public PersistentStores {
        Objects.requireNonNull(loadRuns, "load-run port is required");
        Objects.requireNonNull(saveRuns, "save-run port is required");
        Objects.requireNonNull(snapshots, "snapshot port is required");
        Objects.requireNonNull(runLock, "run lock port is required");
        Objects.requireNonNull(environments, "environment port is required");
        Objects.requireNonNull(resourceSamples, "resource sample port is required");
        Objects.requireNonNull(runFaults, "run fault port is required");
        Objects.requireNonNull(sweeps, "sweep store is required");
        Objects.requireNonNull(nodeLeases, "node lease port is required");
        Objects.requireNonNull(schemaMigrations, "schema migration port is required");
        Objects.requireNonNull(databaseMetrics, "database metrics port is required");
    }
}
