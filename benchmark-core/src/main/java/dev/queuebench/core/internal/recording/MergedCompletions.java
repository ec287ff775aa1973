package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.measure.LatencyKind;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.domain.measure.ThroughputSeries;
import dev.queuebench.ports.out.CompletionSnapshot;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * Every node's snapshots of one run, merged: bitmaps ORed (a job that ran on two nodes counts once, and once as a
 * duplicate), executions and histograms added, series summed second by second.
 */
public final class MergedCompletions {

    private final CompletionCounts counts;
    private final Optional<Instant> firstFinishedAt;
    private final Optional<Instant> lastFinishedAt;
    private final Optional<Instant> lastProgressAt;
    private final List<CompletionSnapshot> snapshots;

    private MergedCompletions(CompletionCounts counts, List<CompletionSnapshot> snapshots) {
        this.counts = counts;
        this.snapshots = snapshots;
        this.firstFinishedAt = snapshots.stream().flatMap(s -> s.firstFinishedAt().stream())
                .min(Comparator.naturalOrder());
        this.lastFinishedAt = snapshots.stream().flatMap(s -> s.lastFinishedAt().stream())
                .max(Comparator.naturalOrder());
        this.lastProgressAt = snapshots.stream().map(CompletionSnapshot::updatedAt).max(Comparator.naturalOrder());
    }

    public static MergedCompletions merge(int jobsCount, List<CompletionSnapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots are required");
        long executions = snapshots.stream().mapToLong(CompletionSnapshot::executions).sum();
        int distinct;
        if (snapshots.size() == 1) {
            distinct = snapshots.get(0).distinctCompleted();
        } else {
            RoaringBitmap all = new RoaringBitmap();
            snapshots.forEach(s -> all.or(SnapshotCodec.completedJobs(s)));
            distinct = all.getCardinality();
        }
        return new MergedCompletions(new CompletionCounts(jobsCount, distinct, executions), List.copyOf(snapshots));
    }

    public CompletionCounts counts() {
        return counts;
    }

    public Optional<Instant> firstFinishedAt() {
        return firstFinishedAt;
    }

    public Optional<Instant> lastFinishedAt() {
        return lastFinishedAt;
    }

    /** When any node last saw progress; empty when no node reported yet. */
    public Optional<Instant> lastProgressAt() {
        return lastProgressAt;
    }

    public LatencySummary pickupLag() {
        return histogram(LatencyKind.PICKUP_LAG).summary();
    }

    public LatencySummary endToEnd() {
        return histogram(LatencyKind.END_TO_END).summary();
    }

    public LatencySummary enqueueLatency() {
        return histogram(LatencyKind.ENQUEUE).summary();
    }

    public ThroughputSeries completionsPerSecond() {
        return summed(snapshots.stream().map(CompletionSnapshot::completionsPerSecond).toList());
    }

    public ThroughputSeries enqueuesPerSecond() {
        return summed(snapshots.stream().map(CompletionSnapshot::enqueuesPerSecond).toList());
    }

    /** Distinct completions per tenth of a second, every node's added up. */
    public TickCounts completionTicks() {
        return TickCounts.sum(TickCounts.TENTH_OF_A_SECOND, snapshots.stream()
                .map(SnapshotCodec::completionTicks).toList());
    }

    /** The microseconds every node's workers spent in jobs, per second. */
    public TickCounts busyPerSecond() {
        return TickCounts.sum(1_000, snapshots.stream()
                .map(SnapshotCodec::busyPerSecond).toList());
    }

    public TickCounts enqueueTicks() {
        return TickCounts.sum(TickCounts.TENTH_OF_A_SECOND, snapshots.stream()
                .map(SnapshotCodec::enqueueTicks).toList());
    }

    /** One latency of every node's jobs, as one histogram. */
    public LatencyHistogram histogram(LatencyKind kind) {
        Function<CompletionSnapshot, LatencyHistogram> decode = switch (kind) {
            case PICKUP_LAG -> SnapshotCodec::pickupLag;
            case END_TO_END -> SnapshotCodec::endToEnd;
            case ENQUEUE -> SnapshotCodec::enqueueLatency;
        };
        LatencyHistogram total = new LatencyHistogram();
        snapshots.stream().map(decode).forEach(total::add);
        return total;
    }

    static ThroughputSeries summed(List<ThroughputSeries> series) {
        List<ThroughputSeries> present = series.stream().filter(s -> s.seconds() > 0).toList();
        if (present.isEmpty()) {
            return ThroughputSeries.EMPTY;
        }
        long start = present.stream().mapToLong(ThroughputSeries::startEpochSecond).min().orElseThrow();
        long end = present.stream().mapToLong(s -> s.startEpochSecond() + s.seconds()).max().orElseThrow();
        int[] counts = new int[(int) (end - start)];
        for (ThroughputSeries s : present) {
            int[] values = s.counts();
            int offset = (int) (s.startEpochSecond() - start);
            for (int i = 0; i < values.length; i++) {
                counts[offset + i] += values[i];
            }
        }
        return new ThroughputSeries(start, counts);
    }
}
