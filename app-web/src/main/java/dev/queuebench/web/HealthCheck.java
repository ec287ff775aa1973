package dev.queuebench.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.queuebench.common.Text;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.ListBackendsQuery;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /health}: whether the database answers (503 when it does not, so that a monitor needs only the status
 * code) and whether each backend's workers run. A backend whose workers are stopped does not make the runner
 * unhealthy: its runs wait, and the report says so.
 */
final class HealthCheck {

    private final DatabaseHealth database;
    private final ListBackendsQuery backends;

    HealthCheck(DatabaseHealth database, ListBackendsQuery backends) {
        this.database = Objects.requireNonNull(database);
        this.backends = Objects.requireNonNull(backends);
    }

    void report(Context ctx) {
        DatabaseStatus db = checkDatabase();
        List<BackendStatus> statuses = new ArrayList<>();
        for (BackendDescriptor descriptor : backends.backends()) {
            statuses.add(checkBackend(descriptor));
        }
        boolean up = db.error() == null;
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(new Health(up ? "ok" : "unavailable", db, statuses));
    }

    private DatabaseStatus checkDatabase() {
        try {
            return new DatabaseStatus("up", database.check(), null);
        } catch (Exception e) {
            return new DatabaseStatus("down", null, message(e));
        }
    }

    private BackendStatus checkBackend(BackendDescriptor descriptor) {
        try {
            boolean running = backends.workersRunning(descriptor.id());
            return new BackendStatus(descriptor.id().value(), descriptor.displayName(), descriptor.libraryVersion(),
                    running, null);
        } catch (RuntimeException e) {
            return new BackendStatus(descriptor.id().value(), descriptor.displayName(), descriptor.libraryVersion(),
                    false, message(e));
        }
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return Text.abbreviate(message == null ? e.getClass().getSimpleName() : message, 300);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, DatabaseStatus database, List<BackendStatus> backends) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DatabaseStatus(String status, String version, String error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BackendStatus(String id, String name, String libraryVersion, boolean workersRunning, String error) {
    }
}
