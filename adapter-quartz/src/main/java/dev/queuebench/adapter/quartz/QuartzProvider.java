package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.quartz.core.QuartzScheduler;

/** Registers Quartz as the backend {@code quartz}. */
public final class QuartzProvider implements QueueBackendProvider {

    static final BackendId ID = BackendId.of("quartz");

    @Override
    public BackendDescriptor descriptor() {
        return new BackendDescriptor(ID, "Quartz", QuartzScheduler.getVersionMajor() + "."
                + QuartzScheduler.getVersionMinor() + "." + QuartzScheduler.getVersionIteration());
    }

    @Override
    public List<BackendOption> options() {
        return QuartzSettings.OPTIONS;
    }

    @Override
    public QueueBackend create(BackendContext context) {
        QuartzSettings settings = QuartzSettings.from(context.settings());
        Flyway.configure()
                .dataSource(context.dataSource())
                .locations("classpath:db/migration/quartz")
                .table("flyway_history_quartz")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new QuartzBackend(descriptor(), context, settings);
    }
}
