package dev.queuebench.adapter.dbscheduler;

import dev.queuebench.contract.DirectBackends;
import dev.queuebench.core.internal.faults.DatabaseOutages;
import dev.queuebench.core.internal.recording.CompletionFlusher;
import dev.queuebench.core.internal.recording.CompletionRecorders;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The harness's own cost on a real backend: db-scheduler drains N due pretend jobs, once with every completion
 * reported to the completion recorder (and its flusher running), once with a pretend job that records nothing.
 * Both are timed the same way, by the backend's own table: from the start of the workers until
 * {@code scheduled_tasks} is empty. One discarded warm-up pair first; then rounds alternate the order. Not a test:
 * run it on purpose, on a quiet machine.
 *
 * <pre>
 * ./mvnw -q -pl adapter-dbscheduler test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.queuebench.adapter.dbscheduler.RecorderOverheadBenchmark -Dexec.args="20000 6"
 * </pre>
 * Arguments: jobs per drain (default 20,000), rounds (default 6). {@code QB_TEST_JDBC_URL} points it at a server of
 * yours, as for the tests; otherwise it starts an embedded PostgreSQL.
 */
public final class RecorderOverheadBenchmark {

    private static final Duration POLL = Duration.ofMillis(20);

    private RecorderOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (TestDatabase database = TestPostgres.newDatabase()) {
            System.out.println("db-scheduler drains " + jobs + " due jobs, " + rounds + " rounds, on "
                    + TestPostgres.description() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            // warm-up: class loading, JIT and the database's caches, discarded
            drain(database.dataSource(), jobs, true);
            drain(database.dataSource(), jobs, false);
            double[] recorded = new double[rounds];
            double[] unrecorded = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                boolean recorderFirst = round % 2 == 0;
                double first = drain(database.dataSource(), jobs, recorderFirst);
                double second = drain(database.dataSource(), jobs, !recorderFirst);
                recorded[round] = recorderFirst ? first : second;
                unrecorded[round] = recorderFirst ? second : first;
                System.out.printf(Locale.ROOT, "round %d: with recorder %,.1f jobs/s, recording nothing %,.1f jobs/s%n",
                        round + 1, recorded[round], unrecorded[round]);
            }
            TrialStatistics with = TrialStatistics.of(TrialStatistics.Scale.POSITIVE, recorded);
            TrialStatistics without = TrialStatistics.of(TrialStatistics.Scale.POSITIVE, unrecorded);
            System.out.printf(Locale.ROOT, "with recorder:    mean %,.1f jobs/s, 95%% CI %s%n", with.mean(),
                    interval(with, "%,.1f"));
            System.out.printf(Locale.ROOT, "recording nothing: mean %,.1f jobs/s, 95%% CI %s%n", without.mean(),
                    interval(without, "%,.1f"));
            System.out.printf(Locale.ROOT, "difference of the means: %+.2f%% of the unrecorded throughput%n",
                    (with.mean() - without.mean()) / without.mean() * 100);
            // each round ran both drains back to back, so the rounds pair up: their differences cancel the drift of
            // the machine (caches, autovacuum, the neighbours of a VM) that widens the two intervals above
            double[] differences = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                differences[round] = (recorded[round] - unrecorded[round]) / unrecorded[round] * 100;
            }
            TrialStatistics paired = TrialStatistics.of(differences);
            System.out.printf(Locale.ROOT, "paired difference: mean %+.2f%%, 95%% CI %s (%%)%n", paired.mean(),
                    interval(paired, "%+.2f"));
        }
    }

    private static String interval(TrialStatistics stats, String format) {
        return stats.ci95().map(ci -> String.format(Locale.ROOT, format + " .. " + format, ci.low(), ci.high()))
                .orElse("none (too few rounds)");
    }

    /** Enqueues the jobs with workers stopped, then times the workers draining them; returns jobs per second. */
    private static double drain(DataSource dataSource, int jobs, boolean record) throws SQLException {
        InMemoryRunStore runs = new InMemoryRunStore();
        InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
        RunId runId = runs.nextRunId();
        Instant now = Instant.now();
        BenchmarkRun run = BenchmarkRun.create(runId, new RunSpec(DbSchedulerProvider.ID, JobsCount.of(jobs),
                SchedulingMode.IN_BULK, JobDelay.of(Duration.ZERO)), now);
        runs.insertRun(run, NodeId.of("overhead"));
        BenchmarkRun submitted = run.submit(now);
        runs.saveSubmitted(submitted);
        BenchmarkRun started = submitted.startScheduling(now);
        runs.saveSchedulingStarted(started);
        runs.saveSchedulingFinished(started.finishScheduling(now));
        CompletionRecorders recorders = new CompletionRecorders(NodeId.of("overhead"), runs, snapshots);
        RecordJobCompletionUseCase completions = record ? recorders : completion -> { };

        try (CompletionFlusher flusher = new CompletionFlusher(recorders, snapshots, runs, runs, Clock.systemUTC(),
                Duration.ofSeconds(1), new DatabaseOutages(Clock.systemUTC(), "overhead"));
             QueueBackend backend = DirectBackends.create(new DbSchedulerProvider(), dataSource,
                     BackendSettings.none(), id -> { }, completions)) {
            if (record) {
                flusher.start();
            }
            backend.clearTables();
            Instant due = Instant.now();
            List<PretendJob> batch = new ArrayList<>();
            for (int index = 0; index < jobs; index++) {
                batch.add(new PretendJob(runId, index, due));
                if (batch.size() == SchedulingMode.BATCH_SIZE) {
                    backend.enqueueBatch(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                backend.enqueueBatch(batch);
            }
            long start = System.nanoTime();
            backend.startWorkers();
            while (pending(dataSource) > 0) {
                sleep(POLL);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            backend.stopWorkers();
            if (record) {
                flusher.flush();
                int distinct = snapshots.loadSnapshots(runId).get(0).distinctCompleted();
                if (distinct != jobs) {
                    throw new IllegalStateException("the recorder saw " + distinct + " of " + jobs + " jobs");
                }
            }
            return jobs / seconds;
        }
    }

    private static long pending(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from scheduled_tasks")) {
            result.next();
            return result.getLong(1);
        }
    }


    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
