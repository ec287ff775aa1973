package dev.queuebench.web;

import dev.queuebench.ports.in.CompareUseCase;
import dev.queuebench.ports.in.ComparePlan;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The comparisons started from the page since this server started, newest first. The core drives each in the
 * background after the runs started before it; this keeps what each heard, for its page. Its runs are stored like
 * any run, so the comparison of its kept runs ({@code /compare?runs=...}) outlives the server; its progress does not.
 */
final class Comparisons {

    /** Progress of older comparisons is dropped, once they ended: their runs stay. */
    static final int KEPT = 50;

    private final CompareUseCase compare;
    private final Clock clock;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, StartedComparison> started = new ConcurrentSkipListMap<>(Comparator.reverseOrder());

    Comparisons(CompareUseCase compare, Clock clock) {
        this.compare = Objects.requireNonNull(compare, "compare use case is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /**
     * Hands the plan to the core, which checks its backends and knobs before it returns.
     *
     * @throws IllegalArgumentException for backends or knobs that do not fit; nothing is started
     * @throws IllegalStateException    when the server is shutting down
     */
    StartedComparison start(ComparePlan plan) {
        StartedComparison comparison = new StartedComparison(lastId.incrementAndGet(), plan, clock.instant());
        compare.compareInBackground(plan, comparison).whenComplete(comparison::completed);
        started.put(comparison.id(), comparison);
        forgetTheOldest();
        return comparison;
    }

    Optional<StartedComparison> find(int id) {
        return Optional.ofNullable(started.get(id));
    }

    /** Newest first. */
    List<StartedComparison> all() {
        return List.copyOf(started.values());
    }

    private void forgetTheOldest() {
        List<StartedComparison> ended = started.values().stream().filter(comparison -> !comparison.active()).toList();
        for (int i = KEPT; i < ended.size(); i++) {
            started.remove(ended.get(i).id());
        }
    }
}
