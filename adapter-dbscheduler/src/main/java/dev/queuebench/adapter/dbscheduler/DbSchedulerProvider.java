package dev.queuebench.adapter.dbscheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** Registers db-scheduler as the backend {@code db-scheduler}. */
public final class DbSchedulerProvider implements QueueBackendProvider {

    static final BackendId ID = BackendId.of("db-scheduler");

    @Override
    public BackendDescriptor descriptor() {
        return new BackendDescriptor(ID, "db-scheduler", libraryVersion());
    }

    @Override
    public List<BackendOption> options() {
        return DbSchedulerSettings.OPTIONS;
    }

    @Override
    public QueueBackend create(BackendContext context) {
        DbSchedulerSettings settings = DbSchedulerSettings.from(context.settings());
        Flyway.configure()
                .dataSource(context.dataSource())
                .locations("classpath:db/migration/dbscheduler")
                .table("flyway_history_dbscheduler")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new DbSchedulerBackend(descriptor(), context, settings);
    }

    /** db-scheduler's jar has no Implementation-Version; its Maven metadata has the version. */
    private static String libraryVersion() {
        try (InputStream in = Scheduler.class.getResourceAsStream(
                "/META-INF/maven/com.github.kagkarlsson/db-scheduler/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
