package dev.queuebench.core.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.core.internal.faults.DatabaseOutages;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.testing.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionJournalTest {

    private static final NodeId KILLED = NodeId.of("killed-node");

    @TempDir
    Path journals;

    private final MutableClock clock = MutableClock.at("2026-12-02T10:00:00Z");
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();

    @Test
    void records_written_by_many_threads_read_back_whole_and_across_segments() throws Exception {
        RunId run = RunId.of(7);
        int perThread = CompletionJournal.RECORDS_PER_SEGMENT / 4 + 1_000;
        try (CompletionJournal journal = CompletionJournal.open(journals, run, KILLED)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * perThread;
                Thread thread = new Thread(() -> IntStream.range(base, base + perThread)
                        .forEach(i -> journal.completed(i, i, i + 1L, i + 2L)));
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        List<CompletionJournal.Entry> entries = CompletionJournal.read(journals, run, KILLED);

        assertThat(entries).hasSize(4 * perThread);
        BitSet seen = new BitSet();
        entries.forEach(entry -> {
            assertThat(entry.kind()).isEqualTo(CompletionJournal.Kind.COMPLETED);
            assertThat(entry.startedMicros()).isEqualTo(entry.value() + 1L);
            assertThat(entry.finishedMicros()).isEqualTo(entry.value() + 2L);
            seen.set(entry.value());
        });
        assertThat(seen.cardinality()).isEqualTo(4 * perThread);
        assertThat(Files.list(journals.resolve("run-7")).count()).as("two segment files").isEqualTo(2);

        CompletionJournal.delete(journals, run, KILLED);
        assertThat(journals.resolve("run-7")).doesNotExist();
    }

    @Test
    void what_a_process_wrote_before_it_was_killed_with_sigkill_is_in_its_journal() throws Exception {
        // stdout only: the JVM writes notes of its own to stderr ("Picked up JAVA_TOOL_OPTIONS: ..." in many CI images)
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWriterProcess.class.getName(),
                journals.toString(), "9", KILLED.value(), "5000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(CompletableFuture.supplyAsync(() -> linesOf(writer).anyMatch(JournalWriterProcess.WRITTEN::equals))
                    .get(60, TimeUnit.SECONDS)).as("the writer said it had written").isTrue();
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        List<CompletionJournal.Entry> entries = CompletionJournal.read(journals, RunId.of(9), KILLED);

        assertThat(entries).hasSize(5_001);
        assertThat(entries.stream().filter(e -> e.kind() == CompletionJournal.Kind.COMPLETED)).hasSize(5_000);
        assertThat(entries.get(5_000).kind()).isEqualTo(CompletionJournal.Kind.STARTED);
    }

    private static Stream<String> linesOf(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).lines();
    }

    @Test
    void a_replayed_journal_becomes_the_killed_nodes_snapshot_and_tells_what_it_was_running() {
        RunId run = scheduledRun(6);
        CompletionRecorders killed = new CompletionRecorders(KILLED, runs, snapshots, journals);
        for (int i = 0; i < 4; i++) {
            killed.jobStarted(run, i, clock.instant());
        }
        killed.jobCompleted(new JobCompletion(run, 0, clock.instant(), clock.instant(), clock.instant()));
        killed.jobCompleted(new JobCompletion(run, 1, clock.instant(), clock.instant(), clock.instant()));
        killed.jobCompleted(new JobCompletion(run, 1, clock.instant(), clock.instant(), clock.instant()));
        // killed here: no flush ever ran on it
        CompletionRecorders survivor = new CompletionRecorders(NodeId.of("survivor"), runs, snapshots, journals);
        CompletionFlusher flusher = flusherOf(survivor);

        JournalReplay replay = survivor.replayJournal(run, KILLED).orElseThrow();
        flusher.adopt(replay);

        assertThat(replay.records()).isEqualTo(7);
        assertThat(replay.inFlight().stream().toArray()).containsExactly(2, 3);
        CompletionSnapshot snapshot = snapshots.loadSnapshot(run, KILLED).orElseThrow();
        assertThat(snapshot.distinctCompleted()).isEqualTo(2);
        assertThat(snapshot.executions()).as("the re-execution counts as one").isEqualTo(3);
        assertThat(runs.loadRun(run).orElseThrow().isFinished()).isFalse();
    }

    @Test
    void an_adopted_journal_that_completes_the_run_finishes_it() {
        RunId run = scheduledRun(2);
        CompletionRecorders killed = new CompletionRecorders(KILLED, runs, snapshots, journals);
        killed.jobCompleted(new JobCompletion(run, 0, clock.instant(), clock.instant(), clock.instant()));
        killed.jobCompleted(new JobCompletion(run, 1, clock.instant(), clock.instant(), clock.instant()));
        CompletionRecorders survivor = new CompletionRecorders(NodeId.of("survivor"), runs, snapshots, journals);
        CompletionFlusher flusher = flusherOf(survivor);

        flusher.adopt(survivor.replayJournal(run, KILLED).orElseThrow());

        assertThat(runs.loadRun(run).orElseThrow().isFinished()).isTrue();
    }

    @Test
    void a_node_that_closes_cleanly_deletes_the_journals_its_snapshots_hold() {
        RunId run = scheduledRun(3);
        CompletionRecorders node = new CompletionRecorders(KILLED, runs, snapshots, journals);
        node.jobCompleted(new JobCompletion(run, 0, clock.instant(), clock.instant(), clock.instant()));
        assertThat(CompletionJournal.read(journals, run, KILLED)).hasSize(1);

        flusherOf(node).close();

        assertThat(snapshots.loadSnapshot(run, KILLED)).isPresent();
        assertThat(CompletionJournal.read(journals, run, KILLED)).isEmpty();
    }

    private RunId scheduledRun(int jobs) {
        return CompletionFlusherTest.scheduledRun(runs, jobs, clock.instant());
    }

    private CompletionFlusher flusherOf(CompletionRecorders node) {
        return new CompletionFlusher(node, snapshots, runs, runs, clock, Duration.ofSeconds(1),
                new DatabaseOutages(clock, node.nodeId().value()));
    }
}
