package dev.queuebench.adapter.quartz;

import org.quartz.JobDataMap;

/** Job data of a scheduling job: the run to schedule. */
record SchedulingJobData(long runId) {

    static final String RUN_ID = "runId";

    /** @throws UnreadableJobDataException when the run id is missing or not a number */
    static SchedulingJobData from(JobDataMap map) {
        return new SchedulingJobData(JobData.positiveLong(map, RUN_ID));
    }

    JobDataMap toJobDataMap() {
        JobDataMap map = new JobDataMap();
        map.put(RUN_ID, Long.toString(runId));
        return map;
    }
}
