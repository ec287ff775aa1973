package dev.queuebench.core.internal.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The machine's cores busy since the previous reading, all of them and each one, from the kernel's own counters
 * ({@code /proc/stat}: time spent per core in each state since boot, in clock ticks). Busy is every state but idle
 * and I/O wait; a virtual machine's steal time counts as busy, as the guest could not run then.
 */
final class MachineCpu {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final Path source;
    /** Per line ("cpu", then "cpu0", "cpu1", ...): busy and total ticks at the previous reading. */
    private long[][] previous;

    MachineCpu() {
        this(PROC_STAT);
    }

    MachineCpu(Path source) {
        this.source = source;
    }

    /** The shares busy since the previous reading; empty at the first, and where there is no {@code /proc/stat}. */
    synchronized Optional<Loads> read() {
        long[][] now = ticks();
        long[][] before = previous;
        previous = now;
        if (now == null || before == null || before.length != now.length) {
            return Optional.empty();
        }
        double[] shares = new double[now.length];
        for (int i = 0; i < now.length; i++) {
            long total = now[i][1] - before[i][1];
            shares[i] = total <= 0 ? 0 : Math.min(1, Math.max(0, (double) (now[i][0] - before[i][0]) / total));
        }
        List<Double> cores = new ArrayList<>();
        for (int i = 1; i < shares.length; i++) {
            cores.add(shares[i]);
        }
        return Optional.of(new Loads(shares[0], cores));
    }

    /** The machine's share busy, and each core's. */
    record Loads(double all, List<Double> cores) {
    }

    private long[][] ticks() {
        if (!Files.isReadable(source)) {
            return null;
        }
        try {
            List<long[]> lines = new ArrayList<>();
            for (String line : Files.readAllLines(source)) {
                if (!line.startsWith("cpu")) {
                    continue;
                }
                // cpu user nice system idle iowait irq softirq steal [guest guest_nice: already in user and nice]
                String[] fields = line.trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
                lines.add(new long[] {total - idle, total});
            }
            return lines.isEmpty() ? null : lines.toArray(long[][]::new);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
