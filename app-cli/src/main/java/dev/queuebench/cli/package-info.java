/**
 * The command-line runner and the composition root: picocli commands, database options, the wiring of persistence,
 * backends and the core, and the text presentation of reports. Backends are never named here; they come from
 * {@code META-INF/services}.
 */
package dev.queuebench.cli;
