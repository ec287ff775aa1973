/**
 * The JobRunr backend (open-source edition): a scheduling job and a pretend job as {@code JobRequest} records run by
 * {@code JobRequestHandler}s that this module activates itself, a {@code BackgroundJobServer} built without JobRunr's
 * static singleton, the brief's retry policy as an {@code ElectStateFilter}, and JobRunr's own tables, created by
 * JobRunr's migrations ({@code jobrunr_*}, no table prefix).
 *
 * <p>Nothing outside this package names JobRunr; it is found through {@code META-INF/services}.
 */
package dev.queuebench.adapter.jobrunr;
