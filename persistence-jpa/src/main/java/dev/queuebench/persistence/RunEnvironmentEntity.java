package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "run_environment")
class RunEnvironmentEntity {

    @EmbeddedId
    Key key;

    @Column(nullable = false)
    int position;

    @Column(nullable = false)
    String value;

    protected RunEnvironmentEntity() {
        // for Hibernate
    }

    RunEnvironmentEntity(long runId, int position, String name, String value) {
        this.key = new Key(runId, name);
        this.position = position;
        this.value = value;
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "run_id", nullable = false)
        long runId;

        @Column(nullable = false)
        String name;

        protected Key() {
            // for Hibernate
        }

        Key(long runId, String name) {
            this.runId = runId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && runId == other.runId && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, name);
        }
    }
}
