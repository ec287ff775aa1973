package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "run_statements")
@IdClass(RunStatementEntity.Key.class)
class RunStatementEntity {

    @Id
    @Column(name = "run_id", nullable = false)
    long runId;

    @Id
    @Column(nullable = false)
    int rank;

    @Column(nullable = false)
    String query;

    @Column(nullable = false)
    long calls;

    @Column(name = "total_ms", nullable = false)
    double totalMillis;

    @Column(name = "rows_returned", nullable = false)
    long rows;

    @Column(nullable = false)
    boolean backend;

    protected RunStatementEntity() {
        // for Hibernate
    }

    RunStatementEntity(long runId, int rank, String query, long calls, double totalMillis, long rows,
                       boolean backend) {
        this.runId = runId;
        this.rank = rank;
        this.query = query;
        this.calls = calls;
        this.totalMillis = totalMillis;
        this.rows = rows;
        this.backend = backend;
    }

    /** The statement's key: its run and its rank in it. */
    static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        long runId;
        int rank;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && runId == other.runId && rank == other.rank;
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, rank);
        }
    }
}
