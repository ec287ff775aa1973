package dev.queuebench.domain.measure;

/**
 * This JVM at one moment. {@code processCpuLoad} is the share of all cores used by this process, 0 to 1, or -1 when
 * the platform does not tell; {@code rssBytes} is -1 where {@code /proc} does not exist. GC figures are cumulative.
 */
public record JvmSample(long heapUsedBytes, long rssBytes, double processCpuLoad, long gcCount, long gcTimeMillis,
                        int liveThreads) {
}
