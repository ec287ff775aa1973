/**
 * Test fixtures shipped in benchmark-ports' test-jar: in-memory fakes of the outbound ports, a controllable clock,
 * a fake queue backend, and the PostgreSQL fixture every module that touches SQL uses.
 */
package dev.queuebench.ports.testing;
