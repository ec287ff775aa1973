package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.measure.LatencyDistribution;
import dev.queuebench.domain.measure.LatencySummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution in microseconds that keeps negative values: non-negative values in one HdrHistogram,
 * the magnitudes of negative ones in another. Three significant digits. Not thread-safe: concurrent writers use a
 * {@link LatencyRecorder} and drain it into one of these.
 */
public final class LatencyHistogram {

    static final int SIGNIFICANT_DIGITS = 3;
    /** One day in microseconds: larger values are recorded as this. */
    static final long HIGHEST_MICROS = 86_400_000_000L;

    /** HdrHistogram's own default for its percentile-distribution output. */
    static final int HGRM_TICKS_PER_HALF_DISTANCE = 5;
    private static final double MICROS_PER_MILLI = 1_000.0;

    private final Histogram nonNegative;
    private final Histogram negative;

    public LatencyHistogram() {
        this(new Histogram(SIGNIFICANT_DIGITS), new Histogram(SIGNIFICANT_DIGITS));
    }

    private LatencyHistogram(Histogram nonNegative, Histogram negative) {
        this.nonNegative = nonNegative;
        this.negative = negative;
    }

    public void record(long micros) {
        if (micros >= 0) {
            nonNegative.recordValue(Math.min(micros, HIGHEST_MICROS));
        } else {
            negative.recordValue(Math.min(-micros, HIGHEST_MICROS));
        }
    }

    public void add(LatencyHistogram other) {
        nonNegative.add(other.nonNegative);
        negative.add(other.negative);
    }

    void addNonNegative(Histogram interval) {
        nonNegative.add(interval);
    }

    void addNegative(Histogram interval) {
        negative.add(interval);
    }

    public long count() {
        return nonNegative.getTotalCount() + negative.getTotalCount();
    }

    /** The value at a percentile of all samples, negative ones included; 0 when empty. */
    public long valueAtPercentile(double percentile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long negatives = negative.getTotalCount();
        if (rank <= negatives) {
            long ascendingRankOfMagnitude = negatives - rank + 1;
            return -negative.getValueAtPercentile(100.0 * ascendingRankOfMagnitude / negatives);
        }
        long positives = nonNegative.getTotalCount();
        return nonNegative.getValueAtPercentile(100.0 * (rank - negatives) / positives);
    }

    public long min() {
        if (negative.getTotalCount() > 0) {
            return -negative.getMaxValue();
        }
        return nonNegative.getTotalCount() > 0 ? nonNegative.getMinValue() : 0;
    }

    public long max() {
        if (nonNegative.getTotalCount() > 0) {
            return nonNegative.getMaxValue();
        }
        return negative.getTotalCount() > 0 ? -negative.getMinValue() : 0;
    }

    public LatencySummary summary() {
        if (count() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(count(), min(), valueAtPercentile(50), valueAtPercentile(90),
                valueAtPercentile(95), valueAtPercentile(99), valueAtPercentile(99.9), max());
    }

    /** The value at each percentile worth drawing ({@link LatencyDistribution#percentilesFor}). */
    public LatencyDistribution distribution() {
        long count = count();
        List<LatencyDistribution.Point> points = LatencyDistribution.percentilesFor(count).stream()
                .map(percentile -> new LatencyDistribution.Point(percentile, valueAtPercentile(percentile)))
                .toList();
        return new LatencyDistribution(count, negative.getTotalCount(), points);
    }

    /**
     * HdrHistogram's own percentile-distribution text ({@code .hgrm}), five ticks per half distance, values in
     * milliseconds: what {@code Histogram.outputPercentileDistribution} prints and HdrHistogram's plotter reads. Empty
     * when nothing was recorded or some values are negative, which that format cannot hold.
     */
    public Optional<String> hgrm() {
        if (nonNegative.getTotalCount() == 0 || negative.getTotalCount() > 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            nonNegative.outputPercentileDistribution(out, HGRM_TICKS_PER_HALF_DISTANCE, MICROS_PER_MILLI);
        }
        return Optional.of(text.toString(StandardCharsets.UTF_8));
    }

    public LatencyHistogram copy() {
        return new LatencyHistogram(nonNegative.copy(), negative.copy());
    }

    /** Both histograms in HdrHistogram's compressed form, each preceded by its length. */
    public byte[] encode() {
        ByteBuffer first = compressed(nonNegative);
        ByteBuffer second = compressed(negative);
        ByteBuffer out = ByteBuffer.allocate(8 + first.remaining() + second.remaining());
        out.putInt(first.remaining()).put(first).putInt(second.remaining()).put(second);
        return out.array();
    }

    public static LatencyHistogram decode(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            return new LatencyHistogram();
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            Histogram nonNegative = decompressed(in);
            Histogram negative = decompressed(in);
            return new LatencyHistogram(nonNegative, negative);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram", e);
        }
    }

    private static ByteBuffer compressed(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return ByteBuffer.wrap(buffer.array(), 0, length);
    }

    private static Histogram decompressed(ByteBuffer in) throws DataFormatException {
        // HdrHistogram reads the buffer's backing array from index 0, so each part gets an array of its own.
        byte[] part = new byte[in.getInt()];
        in.get(part);
        Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(part), 0);
        histogram.setAutoResize(true);
        return histogram;
    }
}
