package dev.queuebench.core.internal.recording;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on a daemon thread of its own at a fixed delay, until closed. A failing run is logged and the next
 * one happens as planned: a database hiccup must not end the flushing or sampling of a long run.
 */
public final class BackgroundTask implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundTask.class.getName());

    private final String threadName;
    private final Duration interval;
    private final Runnable task;
    private ScheduledExecutorService executor;

    public BackgroundTask(String threadName, Duration interval, Runnable task) {
        this.threadName = Objects.requireNonNull(threadName, "thread name is required");
        this.interval = Objects.requireNonNull(interval, "interval is required");
        this.task = Objects.requireNonNull(task, "task is required");
    }

    /** Starts the runs, the first one interval from now; does nothing when already started. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, threadName + " failed; trying again in " + interval, e);
        }
    }

    /** Stops the runs and waits for one in progress (at most ten seconds). */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            running.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
