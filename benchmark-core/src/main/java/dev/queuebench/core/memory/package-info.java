/**
 * Every outbound store in memory, for embedding the core without a database of its own (the backends still keep
 * their jobs in PostgreSQL) and for tests. Thread-safe; they keep what they are given until the JVM exits.
 */
package dev.queuebench.core.memory;
