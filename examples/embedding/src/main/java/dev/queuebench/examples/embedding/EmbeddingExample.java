package dev.queuebench.examples.embedding;

import dev.queuebench.core.QueueBench;
import dev.queuebench.core.memory.InMemoryRunLock;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.persistence.postgres.Databases;
import dev.queuebench.persistence.postgres.EmbeddedPostgresServer;
import dev.queuebench.persistence.postgres.FlywayMigrations;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/** Benchmarks db-scheduler with 1,000 jobs from your own code, and prints what the run measured. */
public final class EmbeddingExample {

    public static void main(String[] args) throws Exception {
        // a PostgreSQL for the backend's tables: here an embedded one in a directory of its own
        Path home = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("queue-bench-example");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOrJoin(home);
             var dataSource = Databases.pool(postgres.target(), "example", 20)) {
            RunReport report = benchmark(dataSource, "db-scheduler", 1_000);
            System.out.printf("run %s on %s: %s, %d of %d jobs, %d duplicates, %.0f jobs/s, pickup lag p99 %.1f ms%n",
                    report.run().id(), report.run().backend(), report.status(),
                    report.completions().distinctCompleted(), report.run().jobsCount(),
                    report.completions().duplicateExecutions(), report.jobsPerSecond().orElse(0),
                    report.pickupLag().p99() / 1000.0);
        }
    }

    /** Runs one benchmark to its end: the backend's tables in {@code dataSource}, Queue Bench's records in memory. */
    public static RunReport benchmark(DataSource dataSource, String backend, int jobs) {
        try (QueueBench bench = QueueBench.builder()
                .dataSource(dataSource)
                .runStore(new InMemoryRunStore())
                .snapshots(new InMemorySnapshotStore())
                .runLock(new InMemoryRunLock())
                .schemaMigrations(new FlywayMigrations())
                .build()) {
            StartRunCommand command = StartRunCommand.of(backend, jobs, SchedulingMode.IN_BULK, Duration.ZERO);
            return bench.runToEnd(command, RunListener.SILENT);
        }
    }
}
