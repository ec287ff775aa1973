package dev.queuebench.web;

/**
 * Asks the database whether it answers, for {@code GET /health}. The web runner cannot name the persistence module,
 * so the composition root supplies this, e.g. {@code SELECT version()} on its pool.
 */
@FunctionalInterface
public interface DatabaseHealth {

    /**
     * @return what answered, e.g. {@code "PostgreSQL 18.6"}
     * @throws Exception when the database does not answer; its message is shown on the health report
     */
    String check() throws Exception;
}
