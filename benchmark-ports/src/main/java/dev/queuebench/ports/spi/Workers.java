package dev.queuebench.ports.spi;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A backend's workers in this process, started and stopped as the SPI says: starting workers that run does nothing;
 * workers that stopped by themselves (a library may, after errors) are replaced when started again; stopping what is
 * not running does nothing. Thread-safe.
 *
 * @param <W> the library's handle on its workers, e.g. a scheduler or a background job server
 */
public final class Workers<W> {

    private final Supplier<W> start;
    private final Consumer<W> stop;
    private final Predicate<W> running;
    private W workers;

    /**
     * @param start   builds and starts the workers, returning their handle
     * @param stop    stops them and waits for their threads
     * @param running whether they still run (false once they stopped by themselves)
     */
    public Workers(Supplier<W> start, Consumer<W> stop, Predicate<W> running) {
        this.start = Objects.requireNonNull(start, "start is required");
        this.stop = Objects.requireNonNull(stop, "stop is required");
        this.running = Objects.requireNonNull(running, "running check is required");
    }

    public synchronized void start() {
        if (workers != null && running.test(workers)) {
            return;
        }
        if (workers != null) {
            stop.accept(workers);
            workers = null;
        }
        workers = start.get();
    }

    public synchronized void stop() {
        if (workers == null) {
            return;
        }
        try {
            stop.accept(workers);
        } finally {
            workers = null;
        }
    }

    public synchronized boolean running() {
        return workers != null && running.test(workers);
    }
}
