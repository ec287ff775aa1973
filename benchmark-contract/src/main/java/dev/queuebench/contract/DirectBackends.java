package dev.queuebench.contract;

import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.persistence.postgres.FlywayMigrations;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * A backend created as the core creates it (its tables migrated first, then {@code create}), but wired to the test's
 * own doubles instead of the core: for a backend's tests of what the contract suite does not reach.
 */
public final class DirectBackends {

    private static final FlywayMigrations MIGRATIONS = new FlywayMigrations();

    private DirectBackends() {
    }

    /** Applies the provider's migrations to the database, as the core does before it creates a backend. */
    public static void migrate(QueueBackendProvider provider, DataSource dataSource) {
        provider.migrations().ifPresent(schema -> MIGRATIONS.migrate(dataSource, schema));
    }

    /** The backend over the database, its tables migrated; its jobs call {@code scheduling} and {@code completions}. */
    public static QueueBackend create(QueueBackendProvider provider, DataSource dataSource, BackendSettings settings,
                                      ScheduleRunUseCase scheduling, RecordJobCompletionUseCase completions) {
        migrate(provider, dataSource);
        return provider.create(new BackendContext(dataSource, Clock.systemUTC(), settings, scheduling, completions,
                RetryPolicy.standard()));
    }
}
