package dev.queuebench.adapter.quartz;

import org.quartz.JobDataMap;

/** Job data of a pretend job: which job of which run it is. Its due time is its trigger's scheduled fire time. */
record PretendJobData(long runId, int index) {

    static final String RUN_ID = "runId";
    static final String INDEX = "index";

    /** @throws UnreadableJobDataException when a field is missing or not a number */
    static PretendJobData from(JobDataMap map) {
        return new PretendJobData(JobData.positiveLong(map, RUN_ID), JobData.nonNegativeInt(map, INDEX));
    }

    JobDataMap toJobDataMap() {
        JobDataMap map = new JobDataMap();
        map.put(RUN_ID, Long.toString(runId));
        map.put(INDEX, Integer.toString(index));
        return map;
    }
}
