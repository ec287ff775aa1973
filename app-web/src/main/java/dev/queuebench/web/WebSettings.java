package dev.queuebench.web;

import dev.queuebench.domain.JobDelay;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the web runner listens and how the runs its buttons start behave.
 *
 * @param host     the address to bind, {@value #DEFAULT_HOST} by default: the page starts benchmarks, so it is not
 *                 offered to the network unless asked for
 * @param port     the port, {@value #DEFAULT_PORT} by default; {@code 0} takes any free port
 * @param jobDelay how long after its enqueue each pretend job of a run started from the page becomes due
 */
public record WebSettings(String host, int port, JobDelay jobDelay) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public WebSettings {
        Objects.requireNonNull(host, "host is required");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        Objects.requireNonNull(jobDelay, "job delay is required");
    }

    /** {@value #DEFAULT_HOST}:{@value #DEFAULT_PORT}, jobs due 10 s after their enqueue as in the original harness. */
    public static WebSettings defaults() {
        return new WebSettings(DEFAULT_HOST, DEFAULT_PORT, JobDelay.DEFAULT);
    }

    public WebSettings withHost(String value) {
        return new WebSettings(value, port, jobDelay);
    }

    public WebSettings withPort(int value) {
        return new WebSettings(host, value, jobDelay);
    }

    public WebSettings withJobDelay(Duration value) {
        return new WebSettings(host, port, JobDelay.of(value));
    }
}
