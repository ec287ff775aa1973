package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "benchmark_sweep_points")
@IdClass(SweepPointEntity.Key.class)
class SweepPointEntity {

    @Id
    @Column(name = "sweep_id")
    long sweepId;

    @Id
    int position;

    @Column(nullable = false)
    double value;

    @Column(name = "run_id", nullable = false)
    long runId;

    @Column(nullable = false)
    boolean passed;

    /** The point's key: its sweep and its place in it. */
    static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        long sweepId;
        int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && sweepId == other.sweepId && position == other.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sweepId, position);
        }
    }
}
