/**
 * Queue Bench's application core: inbound use cases ({@code in}), outbound ports ({@code out}), the queue backend
 * SPI ({@code spi}), the services that implement the use cases ({@code service}) and the completion recorder
 * ({@code recording}). {@link dev.queuebench.ports.QueueBench} wires them for embedding.
 *
 * <p>Depends on the domain, the JDK and two data-structure libraries (RoaringBitmap, HdrHistogram). No framework,
 * no persistence API and no queue library may be referenced here.
 */
package dev.queuebench.ports;
