package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.RunId;
import java.util.UUID;

/**
 * JobRunr ids made from a job's identity, so that enqueueing a job again (after a dropped connection, or a resumed
 * scheduling phase) finds it there and leaves it as it is: JobRunr skips a job whose id exists. A version 8 UUID
 * (RFC 9562, "custom"): the run id in the high 64 bits around the version, the job's index in the last 32 bits.
 */
final class JobIds {

    /** Marks the scheduling job of a run, apart from its pretend jobs. */
    private static final long SCHEDULING_JOB = 0xFFFF_FFFFL;
    private static final long VERSION_8 = 0x8000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private JobIds() {
    }

    static UUID pretend(RunId runId, int index) {
        return of(runId, index);
    }

    static UUID scheduling(RunId runId) {
        return of(runId, SCHEDULING_JOB);
    }

    /** Up to 2^44 run ids; the index, or the scheduling job's mark, in the last 32 bits. */
    private static UUID of(RunId runId, long index) {
        long run = runId.value();
        if (run >= (1L << 44)) {
            throw new IllegalArgumentException("run id " + run + " is too large for a JobRunr job id");
        }
        long high = ((run >>> 12) << 16) | VERSION_8 | (run & 0xFFF);
        return new UUID(high, VARIANT | index);
    }
}
