package dev.queuebench.persistence.postgres;

import dev.queuebench.ports.spi.SchemaMigrations;
import javax.sql.DataSource;

/**
 * Queue Bench's own tables (runs, snapshots, fingerprints, resource samples, faults, nodes, sweeps), as Flyway
 * migrations in {@code db/migration/benchmark} with their own history table: for the JPA stores, and for anyone who
 * needs the tables without Hibernate (the node leases here do).
 */
public final class BenchmarkSchema {

    /** Where the migrations are, and their history table. */
    public static final SchemaMigrations MIGRATIONS =
            new SchemaMigrations("classpath:db/migration/benchmark", "flyway_history_benchmark");

    private BenchmarkSchema() {
    }

    /** Applies the benchmark tables' migrations; other modules' tables in the same schema are left alone. */
    public static void migrate(DataSource dataSource) {
        new FlywayMigrations().migrate(dataSource, MIGRATIONS);
    }
}
