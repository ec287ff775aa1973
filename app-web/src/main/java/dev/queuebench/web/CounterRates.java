package dev.queuebench.web;

import dev.queuebench.domain.measure.ResourceSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Rates of a cumulative counter (commits, tuples, GC count) between consecutive samples: the increase over the time
 * between them.
 */
final class CounterRates {

    /** How much a counter rose between two samples. */
    record Interval(Instant from, Instant to, long increase) {

        double perSecond() {
            return increase / (Duration.between(from, to).toNanos() / 1e9);
        }
    }

    private CounterRates() {
    }

    /**
     * One interval per pair of consecutive samples. A counter that went down was reset (statistics reset, server
     * restart): what happened across the reset is unknown, and the interval counts as 0 rather than as a negative
     * rate. Samples that do not move forward in time give no interval.
     */
    static List<Interval> of(List<ResourceSample> samples, ToLongFunction<ResourceSample> counter) {
        List<Interval> intervals = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            ResourceSample previous = samples.get(i - 1);
            ResourceSample current = samples.get(i);
            if (!current.sampledAt().isAfter(previous.sampledAt())) {
                continue;
            }
            long increase = Math.max(0, counter.applyAsLong(current) - counter.applyAsLong(previous));
            intervals.add(new Interval(previous.sampledAt(), current.sampledAt(), increase));
        }
        return intervals;
    }

    /**
     * At most {@code maxIntervals}, consecutive ones merged so that the rate of each is the average over its span:
     * an hour of one-second samples stays a drawable path.
     */
    static List<Interval> merged(List<Interval> intervals, int maxIntervals) {
        if (intervals.size() <= maxIntervals) {
            return intervals;
        }
        int size = (intervals.size() + maxIntervals - 1) / maxIntervals;
        List<Interval> merged = new ArrayList<>();
        for (int from = 0; from < intervals.size(); from += size) {
            List<Interval> group = intervals.subList(from, Math.min(intervals.size(), from + size));
            long increase = group.stream().mapToLong(Interval::increase).sum();
            merged.add(new Interval(group.get(0).from(), group.get(group.size() - 1).to(), increase));
        }
        return merged;
    }
}
