package dev.queuebench.examples.addedbackend;

import dev.queuebench.adapter.postgres.PostgresQueueProvider;
import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knobs;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import dev.queuebench.ports.spi.SchemaMigrations;
import java.util.Optional;

/**
 * The backend {@code example-queue}: registered through {@code META-INF/services} like every backend, and nothing
 * outside this module names it. It runs the reference queue (its tables, knobs and workers), so that its tests say
 * whether a backend added as a module is found, passes the contract suite and is compared, not whether a new queue
 * works. It is not the reference: {@code postgres} stays that.
 */
public final class AddedBackendProvider implements QueueBackendProvider {

    /** The id users type; the module's tests check that no code, build or test file outside this module names it. */
    public static final BackendId ID = BackendId.of("example-queue");

    private final QueueBackendProvider queue = new PostgresQueueProvider();

    @Override
    public BackendDescriptor descriptor() {
        return new BackendDescriptor(ID, "Example (a backend added as a module)", queue.descriptor().libraryVersion(), false);
    }

    @Override
    public Knobs knobs() {
        return queue.knobs();
    }

    @Override
    public int connectionsNeeded(BackendSettings settings) {
        return queue.connectionsNeeded(settings);
    }

    @Override
    public Optional<SchemaMigrations> migrations() {
        return queue.migrations();
    }

    @Override
    public QueueBackend create(BackendContext context) {
        return queue.create(context);
    }
}
