/**
 * Outbound ports: what the core needs from storage and locking. Each port does one job; one adapter may implement
 * several. Time comes from an injected {@link java.time.Clock}, which serves as the clock port.
 */
package dev.queuebench.ports.out;
