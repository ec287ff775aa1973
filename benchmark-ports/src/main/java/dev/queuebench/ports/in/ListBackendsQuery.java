package dev.queuebench.ports.in;

import java.util.List;

/** The registered queue backends, in registration order. */
public interface ListBackendsQuery {

    List<BackendDescriptor> backends();
}
