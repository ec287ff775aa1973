package dev.queuebench.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** Names one process that records completions: host, process id and a random suffix for restarts. */
public record NodeId(String value) {

    public NodeId {
        Objects.requireNonNull(value, "node id is required");
        if (value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("node id must have 1 to 100 characters, was '" + value + "'");
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    public static NodeId forThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        if (host.length() > 60) {
            host = host.substring(0, 60);
        }
        // 32 random bits: a JVM that opens the harness many times (the end-to-end tests run the CLI in-process) must
        // not meet an earlier id of its own in the node table; 16 bits did, about once in 80 test runs
        String suffix = String.format("%08x", ThreadLocalRandom.current().nextInt());
        return new NodeId(host + "/" + ProcessHandle.current().pid() + "/" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
