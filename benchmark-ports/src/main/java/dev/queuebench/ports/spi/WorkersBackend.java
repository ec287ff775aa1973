package dev.queuebench.ports.spi;

/**
 * A backend that keeps its workers in a {@link Workers}: starting, stopping and asking come from it, so the backend
 * writes none of them. Starting workers that run does nothing, workers that stopped by themselves are replaced, and
 * stopping what does not run does nothing.
 */
public interface WorkersBackend extends QueueBackend {

    /** The backend's workers in this process. */
    Workers<?> workers();

    @Override
    default void startWorkers() {
        workers().start();
    }

    @Override
    default void stopWorkers() {
        workers().stop();
    }

    @Override
    default boolean workersRunning() {
        return workers().running();
    }
}
