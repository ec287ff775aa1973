/**
 * The benchmark domain: {@link dev.queuebench.domain.BenchmarkRun}, its self-validating value types and the
 * rules of the run lifecycle (running-run guard, status, durations, completion counts).
 *
 * <p>Depends on the JDK only. Time comes from an injected {@link java.time.Clock} or is passed in; nothing here
 * calls {@code now()}. No framework, no persistence, no queue library may be referenced from this package.
 */
package dev.queuebench.domain;
