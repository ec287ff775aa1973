package dev.queuebench.adapter.postgres;

import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knobs;
import dev.queuebench.ports.spi.LibraryVersion;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import dev.queuebench.ports.spi.SchemaMigrations;
import java.util.Optional;
import org.postgresql.Driver;

/** Registers the reference queue as the backend {@code postgres}; its version is the JDBC driver's. */
public final class PostgresQueueProvider implements QueueBackendProvider {

    static final BackendId ID = BackendId.of("postgres");
    static final SchemaMigrations MIGRATIONS =
            new SchemaMigrations("classpath:db/migration/postgres", "flyway_history_postgres_queue");

    @Override
    public BackendDescriptor descriptor() {
        return new BackendDescriptor(ID, "PostgreSQL (reference)",
                LibraryVersion.of(Driver.class, "org.postgresql", "postgresql"), true);
    }

    @Override
    public Knobs knobs() {
        return PostgresQueueSettings.KNOBS;
    }

    @Override
    public int connectionsNeeded(BackendSettings settings) {
        return PostgresQueueSettings.from(settings).connectionsNeeded();
    }

    @Override
    public Optional<SchemaMigrations> migrations() {
        return Optional.of(MIGRATIONS);
    }

    @Override
    public QueueBackend create(BackendContext context) {
        return new PostgresQueueBackend(context, PostgresQueueSettings.from(context.settings()));
    }
}
