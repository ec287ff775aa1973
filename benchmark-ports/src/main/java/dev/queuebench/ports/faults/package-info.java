/**
 * Riding out a database that is briefly unreachable: which failures are transient, a retrier with backoff, and the
 * record of outages that each run's report lists. A benchmark that studies faults must not be the first thing a
 * fault breaks.
 */
package dev.queuebench.ports.faults;
