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
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return new NodeId(host + "/" + ProcessHandle.current().pid() + "/" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
