/**
 * Queue Bench's core for embedding: {@link dev.queuebench.core.QueueBench}, built with its
 * {@link dev.queuebench.core.QueueBench#builder() builder} over the ports and the backends on the classpath.
 *
 * <p>Public API: this package, {@code core.memory} (in-memory stores) and {@code core.stats} (regression checks).
 * Everything under {@code core.internal} is the implementation, and may change without notice. The core depends on
 * the ports, the domain and two data-structure libraries (RoaringBitmap, HdrHistogram); no framework, persistence API
 * or queue library.
 */
package dev.queuebench.core;
