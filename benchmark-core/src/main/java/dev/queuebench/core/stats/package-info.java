/**
 * The regression check that compares trials with a baseline's, metric by metric, with their 95% confidence intervals.
 * The statistics of a set of trials are the ports' value type ({@link dev.queuebench.domain.measure.TrialStatistics}).
 */
package dev.queuebench.core.stats;
