package dev.queuebench.ports.in;

import dev.queuebench.ports.spi.BackendDescriptor;
import java.util.List;

/** The registered queue backends, in registration order. */
public interface ListBackendsQuery {

    List<BackendDescriptor> backends();
}
