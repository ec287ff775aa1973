package dev.queuebench.adapter.quartz;

import org.quartz.JobDataMap;

/**
 * Job data of a pretend job: which job of which run it is, and the payload it carries (a string property, as the
 * JobStore keeps job data with {@code useProperties}). Its due time travels with its trigger ({@link QuartzJobs#DUE_AT}).
 */
record PretendJobData(long runId, int index, String payload) {

    static final String RUN_ID = "runId";
    static final String INDEX = "index";
    static final String PAYLOAD = "payload";

    /** @throws UnreadableJobDataException when a field is missing or not a number */
    static PretendJobData from(JobDataMap map) {
        return new PretendJobData(JobData.positiveLong(map, RUN_ID), JobData.nonNegativeInt(map, INDEX),
                map.getString(PAYLOAD));
    }

    JobDataMap toJobDataMap() {
        JobDataMap map = new JobDataMap();
        map.put(RUN_ID, Long.toString(runId));
        map.put(INDEX, Integer.toString(index));
        if (payload != null && !payload.isEmpty()) {
            map.put(PAYLOAD, payload);
        }
        return map;
    }
}
