package dev.queuebench.domain.measure;

/**
 * This JVM, and the machine it runs on, at one moment. {@code processCpuLoad} is the share of all cores used by this
 * process, 0 to 1, and {@code hostCpuLoad} the share used by every process of the machine (the library's, the
 * database's), or -1 when the platform does not tell; {@code rssBytes} is -1 where {@code /proc} does not exist. GC
 * figures are cumulative.
 */
public record JvmSample(long heapUsedBytes, long rssBytes, double processCpuLoad, long gcCount, long gcTimeMillis,
                        int liveThreads, double hostCpuLoad) {

    /** A sample without the machine's load: one stored before it was sampled. */
    public JvmSample(long heapUsedBytes, long rssBytes, double processCpuLoad, long gcCount, long gcTimeMillis,
                     int liveThreads) {
        this(heapUsedBytes, rssBytes, processCpuLoad, gcCount, gcTimeMillis, liveThreads, -1);
    }
}
