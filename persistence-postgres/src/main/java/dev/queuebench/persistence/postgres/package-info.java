/**
 * PostgreSQL for Queue Bench, without JPA: the database to use (an embedded server by default, or one's own), its
 * connection pools, Flyway migrations (the benchmark tables' and, through {@link
 * dev.queuebench.persistence.postgres.FlywayMigrations}, every backend's), the advisory-lock run lock, node leases, and
 * the server's own counters. What needs only these (the contract suite, an embedding program) does not pull in
 * Hibernate.
 */
package dev.queuebench.persistence.postgres;
