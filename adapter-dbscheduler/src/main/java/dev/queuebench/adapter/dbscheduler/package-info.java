/**
 * The db-scheduler backend: a one-time scheduling task and a one-time pretend task (task data as JSON through
 * db-scheduler's {@code JacksonSerializer}), the brief's retry policy as a {@code FailureHandler}, lock-and-fetch
 * polling by default, and the {@code scheduled_tasks} table from this module's Flyway migration.
 *
 * <p>Nothing outside this package names db-scheduler; it is found through {@code META-INF/services}.
 */
package dev.queuebench.adapter.dbscheduler;
