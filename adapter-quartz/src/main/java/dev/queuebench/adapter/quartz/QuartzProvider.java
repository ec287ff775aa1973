package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knobs;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import dev.queuebench.ports.spi.SchemaMigrations;
import java.util.Optional;
import org.quartz.core.QuartzScheduler;

/** Registers Quartz as the backend {@code quartz}. */
public final class QuartzProvider implements QueueBackendProvider {

    static final BackendId ID = BackendId.of("quartz");
    /** The {@code QRTZ_} tables, from the {@code tables_postgres.sql} Quartz ships (context/0005). */
    static final SchemaMigrations MIGRATIONS =
            new SchemaMigrations("classpath:db/migration/quartz", "flyway_history_quartz");

    /** Quartz says its version itself; its jar's manifest does not. */
    @Override
    public BackendDescriptor descriptor() {
        return new BackendDescriptor(ID, "Quartz", QuartzScheduler.getVersionMajor() + "."
                + QuartzScheduler.getVersionMinor() + "." + QuartzScheduler.getVersionIteration());
    }

    @Override
    public Knobs knobs() {
        return QuartzSettings.KNOBS;
    }

    @Override
    public int connectionsNeeded(BackendSettings settings) {
        return QuartzSettings.from(settings).connectionsNeeded();
    }

    @Override
    public Optional<SchemaMigrations> migrations() {
        return Optional.of(MIGRATIONS);
    }

    @Override
    public QueueBackend create(BackendContext context) {
        return new QuartzBackend(context, QuartzSettings.from(context.settings()));
    }
}
