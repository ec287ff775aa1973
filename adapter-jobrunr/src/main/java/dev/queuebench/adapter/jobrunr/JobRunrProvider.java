package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knobs;
import dev.queuebench.ports.spi.LibraryVersion;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * Registers JobRunr as the backend {@code jobrunr}. No migrations of ours: JobRunr's storage provider creates and
 * evolves its tables itself (context/0004).
 */
public final class JobRunrProvider implements QueueBackendProvider {

    static final BackendId ID = BackendId.of("jobrunr");

    @Override
    public BackendDescriptor descriptor() {
        return new BackendDescriptor(ID, "JobRunr", LibraryVersion.of(JobRunr.class, "org.jobrunr", "jobrunr"));
    }

    @Override
    public Knobs knobs() {
        return JobRunrSettings.KNOBS;
    }

    @Override
    public int connectionsNeeded(BackendSettings settings) {
        return JobRunrSettings.from(settings).connectionsNeeded();
    }

    /** Its tables come from JobRunr's own migrations, run (idempotently) by the storage provider's constructor. */
    @Override
    public QueueBackend create(BackendContext context) {
        JobRunrSettings settings = JobRunrSettings.from(context.settings());
        JsonMapper jsonMapper = new JacksonJsonMapper();
        PostgresStorageProvider storage = new PostgresStorageProvider(context.dataSource(), DatabaseOptions.CREATE);
        storage.setJobMapper(new JobMapper(jsonMapper));
        return new JobRunrBackend(context, settings, storage, jsonMapper);
    }
}
