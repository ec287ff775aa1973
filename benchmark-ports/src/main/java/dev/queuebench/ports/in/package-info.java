/** Inbound ports: what runners and queue backends ask of the core. One interface per use case. */
package dev.queuebench.ports.in;
