package dev.queuebench.persistence.postgres;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The share of all cores a PostgreSQL server on this machine used since the previous reading, from {@code /proc}:
 * the postmaster's own time, the time of the backends it has already reaped (its children's time), and the time of
 * its live children (backends, checkpointer, WAL writer, autovacuum). Divided by the ticks all cores had in the same
 * window ({@code /proc/stat}), so that neither the clock tick nor the core count need be known.
 */
final class LocalServerCpu {

    private final Path proc;
    private long previousServer = -1;
    private long previousMachine = -1;

    LocalServerCpu() {
        this(Path.of("/proc"));
    }

    LocalServerCpu(Path proc) {
        this.proc = proc;
    }

    /**
     * Since the previous reading, for the server whose backend has process id {@code backendPid}; empty at the first
     * reading, and where {@code /proc} does not show the process (a server on another machine or in a container).
     */
    synchronized OptionalDouble read(long backendPid) {
        if (!isPostgres(backendPid)) {
            previousServer = -1;
            return OptionalDouble.empty();
        }
        OptionalLong postmaster = field(backendPid, PARENT).stream()
                .filter(parent -> field(parent, PARENT).isPresent()).findFirst();
        OptionalLong machine = machineTicks();
        if (postmaster.isEmpty() || machine.isEmpty()) {
            previousServer = -1;
            return OptionalDouble.empty();
        }
        long server = serverTicks(postmaster.getAsLong());
        long serverBefore = previousServer;
        long machineBefore = previousMachine;
        previousServer = server;
        previousMachine = machine.getAsLong();
        long window = machine.getAsLong() - machineBefore;
        if (serverBefore < 0 || window <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(1, Math.max(0, (double) (server - serverBefore) / window)));
    }

    private long serverTicks(long postmaster) {
        long ticks = times(postmaster, true);
        for (long child : children(postmaster)) {
            ticks += times(child, false);
        }
        return ticks;
    }

    /**
     * The postmaster's live children: from its {@code task/<pid>/children} where the kernel keeps that list (a few
     * reads), else by reading every process's parent (a scan of {@code /proc}). A child that ends meanwhile is
     * counted at the next reading, in its parent's children's time.
     */
    private List<Long> children(long postmaster) {
        Path listed = proc.resolve(Long.toString(postmaster)).resolve("task").resolve(Long.toString(postmaster))
                .resolve("children");
        try {
            if (Files.isReadable(listed)) {
                String children = Files.readString(listed).strip();
                return children.isEmpty() ? List.of()
                        : Arrays.stream(children.split("\\s+")).map(Long::valueOf).toList();
            }
        } catch (IOException | RuntimeException e) {
            // the postmaster ended, or the list is not what it should be: the scan below tells
        }
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, entry -> isPid(entry.getFileName()
                .toString()))) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (field(pid, PARENT).orElse(-1) == postmaster) {
                    children.add(pid);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process that ended while listed
        }
        return children;
    }

    /** utime + stime, and for the postmaster also the reaped children's cutime + cstime, in clock ticks. */
    private long times(long pid, boolean withReapedChildren) {
        List<String> fields = stat(pid);
        if (fields.size() < CHILDREN_SYSTEM + 1) {
            return 0;
        }
        long own = Long.parseLong(fields.get(USER)) + Long.parseLong(fields.get(SYSTEM));
        return withReapedChildren
                ? own + Long.parseLong(fields.get(CHILDREN_USER)) + Long.parseLong(fields.get(CHILDREN_SYSTEM))
                : own;
    }

    private OptionalLong field(long pid, int index) {
        List<String> fields = stat(pid);
        if (fields.size() <= index) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(fields.get(index));
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (which may hold spaces): state first. */
    private List<String> stat(long pid) {
        try {
            String line = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
            return List.of(line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Every core's ticks since boot, every state: the first line of {@code /proc/stat}. */
    private OptionalLong machineTicks() {
        try {
            String first = Files.readAllLines(proc.resolve("stat")).get(0);
            String[] fields = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                total += Long.parseLong(fields[i]);
            }
            return OptionalLong.of(total);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether this machine's process of that id is a PostgreSQL server's: not one of a server elsewhere. */
    private boolean isPostgres(long pid) {
        try {
            return Files.readString(proc.resolve(Long.toString(pid)).resolve("comm")).strip().startsWith("postgres");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    // indexes into stat(): field n of proc(5) is at n - 3
    private static final int PARENT = 1;
    private static final int USER = 11;
    private static final int SYSTEM = 12;
    private static final int CHILDREN_USER = 13;
    private static final int CHILDREN_SYSTEM = 14;
}
