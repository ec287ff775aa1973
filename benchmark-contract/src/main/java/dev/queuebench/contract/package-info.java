/**
 * The contract every queue backend passes: {@link dev.queuebench.contract.QueueBackendContract}. A backend module's
 * test extends it and gets the whole suite, against a real PostgreSQL.
 */
package dev.queuebench.contract;
