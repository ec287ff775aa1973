/**
 * Internal: riding out a database that is briefly unreachable: a retrier with backoff, and the record of outages
 * that each run's report lists (which failures are transient is the SPI's
 * {@link dev.queuebench.ports.spi.TransientFailures}, so that backends tell them apart the same way). A benchmark that studies faults must not be the first thing a
 * fault breaks.
 */
package dev.queuebench.core.internal.faults;
