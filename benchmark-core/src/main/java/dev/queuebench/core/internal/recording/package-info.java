/**
 * Internal: the completion recorder: per run, in memory, which jobs completed (a bitset, flushed as a RoaringBitmap), how
 * many executions happened, HdrHistogram latencies and per-second series; a flusher that upserts one snapshot per
 * run and node about once a second and marks the run finished when the merged distinct count reaches N; and the
 * merge that readers use. Nothing here writes per job.
 */
package dev.queuebench.core.internal.recording;
