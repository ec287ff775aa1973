/**
 * The measurement rules, apart from any database: a run's rates, its fault recovery and fairness, a rate offer's
 * outcome, resource summaries, and the statistics over trials (Student's t, MAD outliers). The ports carry their
 * results; the core fills them; the tests check them with plain values.
 *
 * <p>Depends on the JDK and the domain only.
 */
package dev.queuebench.domain.measure;
