/**
 * Statistics over repeated trials: mean, standard deviation, a Student-t 95% confidence interval, and outliers by
 * the median absolute deviation; and the regression check that compares two sets of trials.
 */
package dev.queuebench.ports.stats;
