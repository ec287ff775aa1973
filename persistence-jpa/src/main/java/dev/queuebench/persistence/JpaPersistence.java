package dev.queuebench.persistence;

import dev.queuebench.persistence.postgres.AdvisoryRunLock;
import dev.queuebench.persistence.postgres.BenchmarkSchema;
import dev.queuebench.persistence.postgres.FlywayMigrations;
import dev.queuebench.persistence.postgres.PostgresMetrics;
import dev.queuebench.persistence.postgres.PostgresNodeLeases;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.NodeLeasePort;
import dev.queuebench.ports.out.PersistentStores;
import dev.queuebench.ports.out.ResourceSamplePort;
import dev.queuebench.ports.out.RunEnvironmentPort;
import dev.queuebench.ports.out.RunFaultPort;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.out.SweepStorePort;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Queue Bench's own storage on PostgreSQL. {@link #open(DataSource)} migrates the benchmark tables with Flyway
 * (history table {@code flyway_history_benchmark}), then builds Hibernate, which validates the schema and never
 * changes it. {@link #stores} also hands the core the Flyway migrations that backends' tables need.
 */
public final class JpaPersistence implements AutoCloseable {


    private final EntityManagerFactory emf;
    private final JpaRunStore runs;
    private final JpaSnapshotStore snapshots;
    private final AdvisoryRunLock runLock;
    private final JpaEnvironmentStore environments;
    private final JpaResourceSampleStore resourceSamples;
    private final PostgresMetrics databaseMetrics;
    private final PostgresNodeLeases nodeLeases;
    private final JpaRunFaultStore runFaults;
    private final JpaSweepStore sweeps;

    private JpaPersistence(DataSource dataSource, EntityManagerFactory emf) {
        this.emf = emf;
        this.runs = new JpaRunStore(emf);
        this.snapshots = new JpaSnapshotStore(emf);
        this.runLock = new AdvisoryRunLock(dataSource, AdvisoryRunLock.DEFAULT_KEY);
        this.environments = new JpaEnvironmentStore(emf);
        this.resourceSamples = new JpaResourceSampleStore(emf);
        this.databaseMetrics = new PostgresMetrics(dataSource);
        this.nodeLeases = new PostgresNodeLeases(dataSource);
        this.runFaults = new JpaRunFaultStore(emf);
        this.sweeps = new JpaSweepStore(emf);
    }

    /** Migrates the benchmark tables and opens the stores on them. */
    public static JpaPersistence open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "data source is required");
        migrate(dataSource);
        EntityManagerFactory emf = new HibernatePersistenceConfiguration("queue-bench")
                .managedClasses(BenchmarkRunEntity.class, CompletionSnapshotEntity.class, RunEnvironmentEntity.class,
                        ResourceSampleEntity.class, RunFaultEntity.class, SweepEntity.class, SweepPointEntity.class,
                        RunStatementEntity.class)
                .property(AvailableSettings.DATASOURCE, dataSource)
                .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .createEntityManagerFactory();
        return new JpaPersistence(dataSource, emf);
    }

    /** Applies the benchmark tables' migrations; other modules' tables in the same schema are left alone. */
    public static void migrate(DataSource dataSource) {
        BenchmarkSchema.migrate(dataSource);
    }

    /**
     * Every store of this module and the database metrics, for the core ({@code QueueBench.builder().stores(...)}):
     * the part of the wiring that every composition root over PostgreSQL repeats. Pools, settings and backends stay
     * the caller's.
     */
    public PersistentStores stores() {
        return new PersistentStores(runs, runs, snapshots, runLock, environments, resourceSamples, runFaults, sweeps,
                nodeLeases, new FlywayMigrations(), databaseMetrics);
    }

    public LoadRunPort loadRuns() {
        return runs;
    }

    public SaveRunPort saveRuns() {
        return runs;
    }

    public CompletionSnapshotPort snapshots() {
        return snapshots;
    }

    public RunLockPort runLock() {
        return runLock;
    }

    public RunEnvironmentPort environments() {
        return environments;
    }

    public ResourceSamplePort resourceSamples() {
        return resourceSamples;
    }

    public NodeLeasePort nodeLeases() {
        return nodeLeases;
    }

    public RunFaultPort runFaults() {
        return runFaults;
    }

    public SweepStorePort sweeps() {
        return sweeps;
    }

    public PostgresMetrics databaseMetrics() {
        return databaseMetrics;
    }

    @Override
    public void close() {
        emf.close();
    }
}
