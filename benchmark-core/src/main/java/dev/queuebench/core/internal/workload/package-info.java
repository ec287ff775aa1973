/**
 * Internal: one class per workload ({@link dev.queuebench.core.internal.workload.DelayedWorkload},
 * {@link dev.queuebench.core.internal.workload.BacklogWorkload}, {@link dev.queuebench.core.internal.workload.RateWorkload})
 * holding what the workload does to a run: how the run is submitted in its turn, who enqueues its jobs and when the
 * backend's workers start, and how its scheduling phase enqueues them. The runner and the scheduling service do what is
 * common to every workload and ask {@link dev.queuebench.core.internal.workload.RunWorkload} for the rest.
 */
package dev.queuebench.core.internal.workload;
