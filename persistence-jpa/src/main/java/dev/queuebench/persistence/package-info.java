/**
 * PostgreSQL persistence: the run store and snapshot store (Jakarta Persistence entities mapped with Hibernate,
 * package-private, mapped to and from domain types), the advisory-lock run lock, the Flyway migrations of the
 * benchmark tables, connection pools, and the embedded PostgreSQL server used by default.
 *
 * <p>Public entry points: {@link dev.queuebench.persistence.JpaPersistence}, {@link dev.queuebench.persistence.Databases}
 * and {@link dev.queuebench.persistence.EmbeddedPostgresServer}. Entities never leave this package.
 */
package dev.queuebench.persistence;
