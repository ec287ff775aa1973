package dev.queuebench.core.internal.faults;

import dev.queuebench.ports.spi.TransientFailures;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Tries a database call again while the database is briefly unreachable: after 100 ms, then twice as long each time
 * up to 2 s, for at most the retry budget of continuous failure (the stall timeout, by default: a run without
 * progress that long is over anyway). Any other failure goes to the caller at once. Every failure and success is
 * reported to {@link DatabaseOutages}, so that runs can list the outages they rode out.
 */
public final class Retrier {

    private static final System.Logger LOG = System.getLogger(Retrier.class.getName());
    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    /** How a retrier waits; tests pass one that does not. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DatabaseOutages outages;
    private final Duration budget;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    /**
     * @param sleeper  how to wait between tries
     * @param nanoTime the monotonic clock the budget is measured with
     */
    public Retrier(DatabaseOutages outages, Duration budget, Sleeper sleeper, LongSupplier nanoTime) {
        this.outages = Objects.requireNonNull(outages, "outages are required");
        this.budget = Objects.requireNonNull(budget, "retry budget is required");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper is required");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time source is required");
    }

    public Retrier(DatabaseOutages outages, Duration budget) {
        this(outages, budget, duration -> Thread.sleep(duration.toMillis()), System::nanoTime);
    }

    public DatabaseOutages outages() {
        return outages;
    }

    /**
     * @param what what the call does, for the log and the outage's detail, e.g. "save progress of run 4"
     * @throws RuntimeException the call's own failure when it is not transient, or when the budget is spent
     */
    public <T> T call(String what, Supplier<T> action) {
        return call(what, action, () -> { });
    }

    /**
     * Like {@link #call(String, Supplier)}, running {@code beforeRetry} before each new try, e.g. to take a lock again
     * that was lost with its session.
     */
    public <T> T call(String what, Supplier<T> action, Runnable beforeRetry) {
        long deadline = nanoTime.getAsLong() + budget.toNanos();
        Duration wait = FIRST_WAIT;
        int failures = 0;
        while (true) {
            try {
                if (failures > 0) {
                    beforeRetry.run();
                }
                T result = action.get();
                outages.reachable();
                if (failures > 0) {
                    LOG.log(Level.INFO, "{0}: succeeded after {1} failed tries", what, failures);
                }
                return result;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                outages.unreachable(what, e);
                failures++;
                if (nanoTime.getAsLong() + wait.toNanos() > deadline) {
                    LOG.log(Level.WARNING, what + ": the database was unreachable for " + budget + "; giving up", e);
                    throw e;
                }
                LOG.log(Level.DEBUG, "{0}: the database is unreachable ({1}); trying again in {2}", what,
                        e.getMessage(), wait);
                pause(wait, e);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    public void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private void pause(Duration wait, RuntimeException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
