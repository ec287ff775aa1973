package dev.queuebench.domain.measure;

import dev.queuebench.domain.TickCounts;
import java.time.Duration;
import java.time.Instant;

/**
 * The jobs that were due and not yet finished, tick by tick: how much work waited. With the workers' occupancy beside
 * it, a reader sees the time in which due jobs waited while workers were free (a library's fetch or poll cadence), or
 * workers that were busy with all there was.
 */
public final class DueWork {

    private static final int TICK = TickCounts.TENTH_OF_A_SECOND;

    private DueWork() {
    }

    /** A backlog: every job due at once, when the workers start. */
    public static TickCounts allAt(Instant due, int jobs) {
        return new TickCounts(due.toEpochMilli() / TICK, TICK, new int[] {jobs});
    }

    /** Jobs due their delay after each enqueue: the enqueues per tenth of a second, shifted by the delay. */
    public static TickCounts delayed(TickCounts enqueued, Duration delay) {
        return new TickCounts(enqueued.startTick() + delay.toMillis() / enqueued.tickMillis(), enqueued.tickMillis(),
                enqueued.counts());
    }

    /** A rate's jobs, each due at its intended time: {@code jobs} at {@code perSecond} from {@code start}. */
    public static TickCounts offered(Instant start, double perSecond, long jobs) {
        int ticks = (int) Math.ceil(jobs / perSecond * 1_000 / TICK);
        int[] due = new int[ticks + 1];
        long before = 0;
        for (int i = 0; i < due.length && before < jobs; i++) {
            // the jobs intended within the first (i + 1) tenths of a second of the offer
            long upTo = Math.min(jobs, (long) Math.ceil(perSecond * (i + 1) * TICK / 1_000.0));
            due[i] = (int) (upTo - before);
            before = upTo;
        }
        return new TickCounts(start.toEpochMilli() / TICK, TICK, due);
    }

    /**
     * From the first tick in which a job came due to the last in which one finished: the jobs due by the end of each
     * tick less those finished by then, never below zero (a job a library started before its due time, as JobRunr
     * may, finishes early). Both counts must have the same tick; empty when nothing came due.
     */
    public static TickCounts waiting(TickCounts due, TickCounts finished) {
        if (due.tickMillis() != finished.tickMillis()) {
            throw new IllegalArgumentException("due jobs per " + due.tickMillis() + " ms and finished ones per "
                    + finished.tickMillis() + " ms do not line up");
        }
        if (due.ticks() == 0) {
            return TickCounts.empty(due.tickMillis());
        }
        long first = due.startTick();
        long last = Math.max(due.startTick() + due.ticks(), finished.startTick() + finished.ticks());
        int[] dueCounts = due.counts();
        int[] finishedCounts = finished.counts();
        int[] waiting = new int[(int) (last - first)];
        long dueSoFar = 0;
        long finishedSoFar = 0;
        // jobs that finished before the first came due count against it
        for (int i = 0; i < finishedCounts.length && finished.startTick() + i < first; i++) {
            finishedSoFar += finishedCounts[i];
        }
        for (int i = 0; i < waiting.length; i++) {
            long tick = first + i;
            int dueIndex = (int) (tick - due.startTick());
            int finishedIndex = (int) (tick - finished.startTick());
            if (dueIndex < dueCounts.length) {
                dueSoFar += dueCounts[dueIndex];
            }
            if (finishedIndex >= 0 && finishedIndex < finishedCounts.length) {
                finishedSoFar += finishedCounts[finishedIndex];
            }
            waiting[i] = (int) Math.max(0, dueSoFar - finishedSoFar);
        }
        return new TickCounts(first, due.tickMillis(), waiting);
    }
}
