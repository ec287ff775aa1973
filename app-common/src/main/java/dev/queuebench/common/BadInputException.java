package dev.queuebench.common;

import java.util.function.Supplier;

/**
 * Input a user can fix: a value out of range, an unknown backend or knob, a run that does not exist. Exit code 2 with
 * one line on stderr. Only a command's checks of its input raise it: an {@link IllegalArgumentException} from
 * anywhere else is a bug, reported as one (exit code 70, with its stack trace in the log).
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public BadInputException(String message) {
        super(message);
    }

    /** Runs a check of the user's input: what it refuses becomes bad input. */
    public static <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    public static void check(Runnable check) {
        check(() -> {
            check.run();
            return null;
        });
    }
}
