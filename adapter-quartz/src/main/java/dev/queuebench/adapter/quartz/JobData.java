package dev.queuebench.adapter.quartz;

import org.quartz.JobDataMap;

/**
 * Reads the fields of a job data map. Values are text (the JobStore runs with {@code useProperties}), so every
 * number is parsed here, and a missing or malformed one makes the job unreadable.
 */
final class JobData {

    private JobData() {
    }

    static long positiveLong(JobDataMap map, String key) {
        String text = text(map, key);
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new UnreadableJobDataException(key + " is not a positive whole number: '" + text + "'");
    }

    static int nonNegativeInt(JobDataMap map, String key) {
        return intAtLeast(map, key, 0);
    }

    static int positiveInt(JobDataMap map, String key) {
        return intAtLeast(map, key, 1);
    }

    private static int intAtLeast(JobDataMap map, String key, int min) {
        String text = text(map, key);
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new UnreadableJobDataException(key + " is not a whole number of at least " + min + ": '" + text + "'");
    }

    private static String text(JobDataMap map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new UnreadableJobDataException("no " + key + " in the job data " + map.getWrappedMap());
        }
        return value.toString().trim();
    }
}
