package dev.queuebench.persistence.postgres;

import dev.queuebench.ports.out.SchemaMigrationPort;
import dev.queuebench.ports.spi.SchemaMigrations;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Schema migrations with Flyway: one location and one history table per module that owns tables (the benchmark
 * tables here, each backend's in its own module). Each history starts with a baseline at version 0, because other
 * modules' tables may already be in the schema (Flyway would otherwise baseline at 1 and silently skip {@code V1}).
 */
public final class FlywayMigrations implements SchemaMigrationPort {

    @Override
    public void migrate(DataSource dataSource, SchemaMigrations migrations) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(migrations.location())
                .table(migrations.historyTable())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
