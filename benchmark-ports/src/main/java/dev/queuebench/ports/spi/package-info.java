/**
 * The queue backend SPI. A backend is one module: a {@link dev.queuebench.ports.spi.QueueBackendProvider} listed in
 * {@code META-INF/services/dev.queuebench.ports.spi.QueueBackendProvider}, whose backend runs a scheduling job that
 * calls {@link dev.queuebench.ports.in.ScheduleRunUseCase} and pretend jobs that run
 * {@link dev.queuebench.ports.spi.PretendJobBody}. What every backend needs is here once: its knobs
 * ({@link dev.queuebench.ports.spi.Knob}), its migrations ({@link dev.queuebench.ports.spi.SchemaMigrations}), its
 * workers' lifecycle ({@link dev.queuebench.ports.spi.Workers}), its tables ({@link dev.queuebench.ports.spi.Tables}),
 * and how to tell a database fault from an error ({@link dev.queuebench.ports.spi.TransientFailures}); the retry
 * policy's decisions are the domain's ({@link dev.queuebench.domain.RetryPolicy#decide}). Nothing outside the module
 * names its library. How to write one: {@code context/adding-a-backend.md}.
 */
package dev.queuebench.ports.spi;
