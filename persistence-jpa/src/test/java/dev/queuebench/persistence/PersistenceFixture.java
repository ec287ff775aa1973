package dev.queuebench.persistence;

import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;

/** A fresh database with the benchmark tables migrated, for one test class. */
final class PersistenceFixture implements AutoCloseable {

    final TestDatabase database = TestPostgres.newDatabase();
    final JpaPersistence persistence = JpaPersistence.open(database.dataSource());

    @Override
    public void close() {
        persistence.close();
        database.close();
    }
}
