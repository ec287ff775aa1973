package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One node's journal of one run: every job start, completion and enqueue, written into memory-mapped files before
 * the job returns to its library. The pages belong to the kernel once written, so the journal survives a SIGKILL of
 * the process (not a crash of the machine): the run merges the journal of a node it killed, and loses nothing of what
 * that node did since its last snapshot.
 *
 * <p>Writing takes no lock: each record claims a slot with one atomic increment, and its kind is stored last, with
 * release semantics, so a reader never sees half a record as a whole one (a slot whose writer died midway reads as
 * empty). Files are {@value #RECORDS_PER_SEGMENT} slots of {@value #RECORD_BYTES} bytes, sparse until written;
 * {@code <directory>/<run>/<node>.<segment>.journal}.
 */
public final class CompletionJournal implements AutoCloseable {

    static final int RECORD_BYTES = 32;
    static final int RECORDS_PER_SEGMENT = 1 << 20;
    private static final long SEGMENT_BYTES = (long) RECORDS_PER_SEGMENT * RECORD_BYTES;
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** What a record says. */
    enum Kind {
        STARTED, COMPLETED, ENQUEUED;

        int code() {
            return ordinal() + 1;
        }

        static Kind ofCode(int code) {
            return code < 1 || code > values().length ? null : values()[code - 1];
        }
    }

    /** One record: for an enqueue, {@code value} is how many jobs, {@code due} the call's latency in micros. */
    record Entry(Kind kind, int value, long dueMicros, long startedMicros, long finishedMicros) {
    }

    private final Path runDirectory;
    private final String node;
    private final AtomicLong nextSlot = new AtomicLong();
    private volatile MappedByteBuffer[] segments = new MappedByteBuffer[0];
    private volatile boolean closed;

    private CompletionJournal(Path runDirectory, String node) {
        this.runDirectory = runDirectory;
        this.node = node;
    }

    /** Opens a new journal of this node for the run, continuing after any records it holds (a restarted node). */
    static CompletionJournal open(Path directory, RunId run, NodeId node) {
        CompletionJournal journal = new CompletionJournal(runDirectory(directory, run), fileName(node));
        try {
            Files.createDirectories(journal.runDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + journal.runDirectory, e);
        }
        journal.nextSlot.set(journal.existingSegments() * (long) RECORDS_PER_SEGMENT);
        return journal;
    }

    void started(int jobIndex, long startedMicros) {
        write(Kind.STARTED, jobIndex, 0, startedMicros, 0);
    }

    void completed(int jobIndex, long dueMicros, long startedMicros, long finishedMicros) {
        write(Kind.COMPLETED, jobIndex, dueMicros, startedMicros, finishedMicros);
    }

    void enqueued(int jobs, long latencyMicros, long finishedMicros) {
        write(Kind.ENQUEUED, jobs, latencyMicros, 0, finishedMicros);
    }

    private void write(Kind kind, int value, long due, long started, long finished) {
        if (closed) {
            return;
        }
        long slot = nextSlot.getAndIncrement();
        MappedByteBuffer segment = segment((int) (slot / RECORDS_PER_SEGMENT));
        int at = (int) (slot % RECORDS_PER_SEGMENT) * RECORD_BYTES;
        INTS.set(segment, at + 4, value);
        LONGS.set(segment, at + 8, due);
        LONGS.set(segment, at + 16, started);
        LONGS.set(segment, at + 24, finished);
        INTS.setRelease(segment, at, kind.code());
    }

    /** The mapped segment, mapping it on first use; indexes count from the journal's first file. */
    private MappedByteBuffer segment(int index) {
        MappedByteBuffer[] current = segments;
        if (index < current.length && current[index] != null) {
            return current[index];
        }
        synchronized (this) {
            MappedByteBuffer[] grown = Arrays.copyOf(segments, Math.max(segments.length, index + 1));
            if (grown[index] == null) {
                grown[index] = map(segmentPath(runDirectory, node, index));
                segments = grown;
            }
            return segments[index];
        }
    }

    private int existingSegments() {
        return segmentFiles(runDirectory, node).size();
    }

    private static MappedByteBuffer map(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, SEGMENT_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the journal file " + file, e);
        }
    }

    /** Stops writing; the files stay until {@link #delete}. */
    @Override
    public void close() {
        closed = true;
    }

    /** Reads every whole record of a node's journal of a run, in slot order; none when it has no journal. */
    static List<Entry> read(Path directory, RunId run, NodeId node) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : segmentFiles(runDirectory(directory, run), fileName(node))) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                for (int at = 0; at + RECORD_BYTES <= buffer.capacity(); at += RECORD_BYTES) {
                    Kind kind = Kind.ofCode((int) INTS.getAcquire(buffer, at));
                    if (kind != null) {
                        entries.add(new Entry(kind, (int) INTS.get(buffer, at + 4), (long) LONGS.get(buffer, at + 8),
                                (long) LONGS.get(buffer, at + 16), (long) LONGS.get(buffer, at + 24)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the journal file " + file, e);
            }
        }
        return entries;
    }

    /** Deletes a node's journal of a run (and the run's directory once it is empty). */
    static void delete(Path directory, RunId run, NodeId node) {
        Path runDirectory = runDirectory(directory, run);
        try {
            for (Path file : segmentFiles(runDirectory, fileName(node))) {
                Files.deleteIfExists(file);
            }
            try (Stream<Path> left = Files.list(runDirectory)) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(runDirectory);
                }
            }
        } catch (IOException e) {
            // a journal left behind costs disk space only: it is sparse, and the next delete tries again
        }
    }

    private static List<Path> segmentFiles(Path runDirectory, String node) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; Files.exists(segmentPath(runDirectory, node, i)); i++) {
            files.add(segmentPath(runDirectory, node, i));
        }
        return files;
    }

    private static Path runDirectory(Path directory, RunId run) {
        return directory.resolve("run-" + run.value());
    }

    private static Path segmentPath(Path runDirectory, String node, int segment) {
        return runDirectory.resolve(node + "." + segment + ".journal");
    }

    /** A node id as a file name: anything but letters, digits, dots and dashes becomes an underscore. */
    private static String fileName(NodeId node) {
        return node.value().replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
