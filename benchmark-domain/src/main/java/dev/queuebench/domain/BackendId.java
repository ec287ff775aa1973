package dev.queuebench.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a queue backend, e.g. {@code db-scheduler}. This type checks the shape only; whether a backend with this id
 * is registered is the application's business.
 */
public record BackendId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public BackendId {
        Objects.requireNonNull(value, "backend id is required");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("backend id must be 1 to 40 lower-case letters, digits or '-',"
                    + " starting with a letter, was '" + value + "'");
        }
    }

    public static BackendId of(String value) {
        return new BackendId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
