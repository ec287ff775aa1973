/**
 * What a run costs the machine: JVM, connection pools and PostgreSQL sampled about once a second while a run is
 * scheduled and drained, summarised as peak and mean (gauges) or delta and rate (counters).
 */
package dev.queuebench.ports.resources;
