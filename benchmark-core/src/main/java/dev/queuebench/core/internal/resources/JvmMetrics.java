package dev.queuebench.core.internal.resources;

import dev.queuebench.domain.measure.JvmSample;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads this JVM's own figures from the platform MXBeans and, on Linux, its resident set size and the machine's cores
 * busy (all and each) from /proc.
 */
public final class JvmMetrics {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final MachineCpu machine = new MachineCpu();

    public JvmSample sample() {
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            gcCount += Math.max(0, collector.getCollectionCount());
            gcTime += Math.max(0, collector.getCollectionTime());
        }
        Optional<MachineCpu.Loads> cores = machine.read();
        return new JvmSample(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                residentSetBytes(),
                processCpuLoad(),
                gcCount,
                gcTime,
                ManagementFactory.getThreadMXBean().getThreadCount(),
                cores.map(MachineCpu.Loads::all).orElseGet(JvmMetrics::hostCpuLoad),
                cores.map(MachineCpu.Loads::cores).orElse(List.of()));
    }

    /**
     * Starts a new CPU measuring window: the platform reports process CPU since its previous reading, which for a
     * long-lived process could be the idle time before a run.
     */
    public void startCpuWindow() {
        processCpuLoad();
        hostCpuLoad();
        machine.read();
    }

    /** Every core of the machine, every process, where there is no {@code /proc/stat} to read each core from. */
    private static double hostCpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getCpuLoad();
        }
        return -1;
    }

    private static double processCpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuLoad();
        }
        return -1;
    }

    /** {@code VmRSS} of /proc/self/status, in bytes; -1 elsewhere. */
    static long residentSetBytes() {
        if (!Files.isReadable(PROC_STATUS)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
