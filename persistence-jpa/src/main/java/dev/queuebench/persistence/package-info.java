/**
 * Queue Bench's stores with Jakarta Persistence: runs, snapshots, fingerprints, resource samples, faults and sweeps
 * (entities mapped with Hibernate, package-private, mapped to and from domain types). {@link
 * dev.queuebench.persistence.JpaPersistence} opens them, with the run lock, node leases and database metrics of
 * {@code dev.queuebench.persistence.postgres}, as the core's {@code PersistentStores}. Entities never leave this
 * package.
 */
package dev.queuebench.persistence;
