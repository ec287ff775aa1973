package dev.queuebench.core;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.out.NodeLeasePort;
import dev.queuebench.ports.out.ResourceSamplePort;
import dev.queuebench.ports.out.RunEnvironmentPort;
import dev.queuebench.ports.out.RunFaultPort;
import dev.queuebench.ports.out.SchemaMigrationPort;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Ports an embedder may leave out: they keep and report nothing. */
final class NoStorage {

    static final RunEnvironmentPort ENVIRONMENTS = new RunEnvironmentPort() {
        @Override
        public void saveEnvironment(RunId runId, Map<String, String> environment) {
        }

        @Override
        public Map<RunId, Map<String, String>> loadEnvironments(Collection<RunId> runIds) {
            return Map.of();
        }
    };

    static final ResourceSamplePort RESOURCE_SAMPLES = new ResourceSamplePort() {
        @Override
        public void saveSample(RunId runId, ResourceSample sample) {
        }

        @Override
        public List<ResourceSample> loadSamples(RunId runId) {
            return List.of();
        }

        @Override
        public Map<RunId, List<ResourceSample>> loadSamples(Collection<RunId> runIds) {
            return Map.of();
        }

        @Override
        public void saveStatements(RunId runId, List<StatementTime> statements) {
        }

        @Override
        public Map<RunId, List<StatementTime>> loadStatements(Collection<RunId> runIds) {
            return Map.of();
        }
    };

    static final DatabaseMetricsPort DATABASE_METRICS = new DatabaseMetricsPort() {
        @Override
        public DatabaseSample sample(List<String> backendTables) {
            return DatabaseSample.NONE;
        }

        @Override
        public Map<String, String> facts() {
            return Map.of();
        }
    };

    /** One node alone: it is alive while it runs, and no other node's runs are in its store. */
    static final NodeLeasePort NODE_LEASES = new NodeLeasePort() {
        @Override
        public void register(dev.queuebench.domain.NodeId node) {
        }

        @Override
        public void heartbeat() {
        }

        @Override
        public void release() {
        }

        @Override
        public List<OrphanedRun> orphanedRuns(Duration grace) {
            return List.of();
        }
    };

    static final RunFaultPort RUN_FAULTS = new RunFaultPort() {
        @Override
        public void saveFaults(RunId runId, List<RunFault> faults) {
        }

        @Override
        public Map<RunId, List<RunFault>> loadFaults(Collection<RunId> runIds) {
            return Map.of();
        }
    };

    static final SchemaMigrationPort SCHEMA_MIGRATIONS = (dataSource, migrations) -> {
        throw new IllegalStateException("a backend keeps its tables in migrations (" + migrations.location()
                + "): give QueueBench.builder() a SchemaMigrationPort, e.g. JpaPersistence's");
    };

    private NoStorage() {
    }
}
