package dev.queuebench.adapter.postgres;

/** A job row this worker cannot read: it is discarded, never retried. */
final class UnreadableJobException extends RuntimeException {

    UnreadableJobException(String message) {
        super(message);
    }
}
