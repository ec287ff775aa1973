package dev.queuebench.adapter.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.queuebench.contract.DirectBackends;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JobRunrProviderTest {

    @Test
    void is_found_by_the_service_loader_as_jobrunr_with_its_library_version() {
        BackendDescriptor descriptor = ServiceLoader.load(QueueBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(JobRunrProvider.class::isInstance)
                .findFirst().orElseThrow()
                .descriptor();

        assertThat(descriptor.id().value()).isEqualTo("jobrunr");
        assertThat(descriptor.displayName()).isEqualTo("JobRunr");
        assertThat(descriptor.libraryVersion()).isEqualTo("8.7.0");
    }

    @Test
    void lists_its_knobs_with_their_values_in_each_profile() {
        assertThat(new JobRunrProvider().knobs().options())
                .extracting(BackendOption::name, option -> option.defaultIn(Profile.SHIPPED),
                        option -> option.defaultIn(Profile.TUNED))
                .containsExactly(
                        tuple("threads", "10", "10"),
                        tuple("poll-interval", "15s", "5s"),
                        tuple("delete-succeeded-after", "36h", "36h"),
                        tuple("shutdown-max-wait", "10s", "10s"));
    }

    @Test
    void its_pool_holds_the_workers_and_jobrunrs_own_threads() {
        assertThat(new JobRunrProvider().connectionsNeeded(BackendSettings.none())).isEqualTo(16);
        assertThat(new JobRunrProvider().connectionsNeeded(BackendSettings.none().with("threads", "32")))
                .isEqualTo(38);
    }

    @Test
    void creating_it_twice_runs_jobrunrs_migrations_once_and_starts_no_threads() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase()) {
            DataSource dataSource = database.dataSource();
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

            try (QueueBackend first = create(dataSource); QueueBackend second = create(dataSource)) {
                assertThat(existingTables(dataSource)).containsAll(first.tableNames()).contains("jobrunr_migrations");
                assertThat(appliedMigrations(dataSource)).as("each migration recorded once").doesNotHaveDuplicates();
                awaitNoNewNonDaemonThreads(before);
                assertThat(first.workersRunning()).isFalse();
            }
        }
    }

    private static QueueBackend create(DataSource dataSource) {
        return DirectBackends.create(new JobRunrProvider(), dataSource, BackendSettings.none(), runId -> { },
                completion -> { });
    }

    private static List<String> existingTables(DataSource dataSource) throws SQLException {
        return strings(dataSource, "select table_name from information_schema.tables where table_schema = current_schema()");
    }

    private static List<String> appliedMigrations(DataSource dataSource) throws SQLException {
        return strings(dataSource, "select script from jobrunr_migrations");
    }

    private static List<String> strings(DataSource dataSource, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    /** JobRunr's migration lock briefly runs a thread of its own, shut down when the migrations are done. */
    private static void awaitNoNewNonDaemonThreads(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        Set<String> started = newNonDaemonThreads(before);
        while (!started.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            started = newNonDaemonThreads(before);
        }
        assertThat(started).as("non-daemon threads started by create()").isEmpty();
    }

    private static Set<String> newNonDaemonThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
