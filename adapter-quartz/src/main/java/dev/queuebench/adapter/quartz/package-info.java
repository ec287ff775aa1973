/**
 * The Quartz backend: a clustered {@code JobStoreTX} scheduler on Queue Bench's pool, one non-durable job and one-shot
 * trigger per scheduling or pretend job (data as text properties), the brief's retry policy as a job listener that
 * schedules a later trigger, removal of triggers Quartz set to ERROR, and the {@code QRTZ_*} tables from this module's
 * Flyway migration.
 *
 * <p>Nothing outside this package names Quartz; it is found through {@code META-INF/services}.
 */
package dev.queuebench.adapter.quartz;
