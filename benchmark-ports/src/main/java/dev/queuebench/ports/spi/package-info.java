/**
 * The queue backend SPI. A backend is one module: a {@link dev.queuebench.ports.spi.QueueBackendProvider} listed in
 * {@code META-INF/services/dev.queuebench.ports.spi.QueueBackendProvider}, whose backend runs a scheduling job that
 * calls {@link dev.queuebench.ports.in.ScheduleRunUseCase} and pretend jobs that report to
 * {@link dev.queuebench.ports.in.RecordJobCompletionUseCase}. Nothing outside the module names its library.
 */
package dev.queuebench.ports.spi;
