/**
 * Internal: what a run costs the machine, sampled about once a second while a run is scheduled and drained (JVM,
 * connection pools and PostgreSQL through their ports). The samples and their summary are the ports' value types.
 */
package dev.queuebench.core.internal.resources;
