/**
 * Internal: the application services that implement the use cases on top of the outbound ports and the domain, the
 * run supervisor, and {@link dev.queuebench.core.internal.service.CoreServices}, which wires them for the facade.
 */
package dev.queuebench.core.internal.service;
