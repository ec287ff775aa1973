package dev.queuebench.adapter.quartz;

/**
 * A job's data map does not hold what its job needs (a field missing, or not a number): the brief's "arguments that
 * cannot be deserialized". {@link RetryWithBackoffListener} discards such a job instead of retrying it.
 */
final class UnreadableJobDataException extends RuntimeException {

    UnreadableJobDataException(String message) {
        super(message);
    }
}
