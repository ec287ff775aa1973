/**
 * Test fixtures, as an ordinary module: a PostgreSQL for SQL tests ({@link dev.queuebench.testing.TestPostgres}), a
 * queue backend that runs jobs when a test says so, a clock tests move by hand. Depends on the ports only.
 */
package dev.queuebench.testing;
