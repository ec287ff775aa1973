package dev.queuebench.adapter.dbscheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
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

/** Registers db-scheduler as the backend {@code db-scheduler}. */
public final class DbSchedulerProvider implements QueueBackendProvider {

    static final BackendId ID = BackendId.of("db-scheduler");
    /** {@code scheduled_tasks}, from the DDL db-scheduler documents for PostgreSQL. */
    static final SchemaMigrations MIGRATIONS =
            new SchemaMigrations("classpath:db/migration/dbscheduler", "flyway_history_dbscheduler");

    @Override
    public BackendDescriptor descriptor() {
        return new BackendDescriptor(ID, "db-scheduler",
                LibraryVersion.of(Scheduler.class, "com.github.kagkarlsson", "db-scheduler"));
    }

    @Override
    public Knobs knobs() {
        return DbSchedulerSettings.KNOBS;
    }

    @Override
    public int connectionsNeeded(BackendSettings settings) {
        return DbSchedulerSettings.from(settings).connectionsNeeded();
    }

    @Override
    public Optional<SchemaMigrations> migrations() {
        return Optional.of(MIGRATIONS);
    }

    @Override
    public QueueBackend create(BackendContext context) {
        return new DbSchedulerBackend(context, DbSchedulerSettings.from(context.settings()));
    }
}
