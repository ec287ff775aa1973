package dev.queuebench.ports.spi;

import java.util.Objects;

/**
 * Where a backend keeps the migrations of its tables, written from the DDL its library documents: a location on the
 * classpath ({@code classpath:db/migration/dbscheduler}) and a history table of its own. The core applies them,
 * idempotently, before it creates the backend (through {@link dev.queuebench.ports.out.SchemaMigrationPort}).
 */
public record SchemaMigrations(String location, String historyTable) {

    public SchemaMigrations {
        Objects.requireNonNull(location, "migration location is required");
        Objects.requireNonNull(historyTable, "history table is required");
        if (!location.startsWith("classpath:")) {
            throw new IllegalArgumentException("migrations live on the classpath (classpath:...), not at " + location);
        }
    }
}
