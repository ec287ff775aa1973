package dev.queuebench.core.memory;

import dev.queuebench.ports.out.RunLockPort;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The run lock within one JVM: a binary semaphore, so any thread may release it. */
public final class InMemoryRunLock implements RunLockPort {

    private final Semaphore permit = new Semaphore(1);

    @Override
    public Optional<RunLock> tryAcquire(Duration maxWait) {
        try {
            if (!permit.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(new RunLock() {
            @Override
            public boolean reacquireIfLost(Duration maxWait) {
                return !released.get();
            }

            @Override
            public void close() {
                if (released.compareAndSet(false, true)) {
                    permit.release();
                }
            }
        });
    }

    public boolean isHeld() {
        return permit.availablePermits() == 0;
    }
}
