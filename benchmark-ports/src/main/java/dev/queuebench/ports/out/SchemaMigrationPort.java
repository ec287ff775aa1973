package dev.queuebench.ports.out;

import dev.queuebench.ports.spi.SchemaMigrations;
import javax.sql.DataSource;

/** Applies a module's schema migrations to a database, idempotently: a backend's tables before the core creates it. */
public interface SchemaMigrationPort {

    /** Applies the migrations that have not been applied yet; other modules' tables in the schema are left alone. */
    void migrate(DataSource dataSource, SchemaMigrations migrations);
}
