package dev.queuebench.core.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuebench.ports.in.RunFault;
import dev.queuebench.testing.MutableClock;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final DatabaseOutages outages = new DatabaseOutages(clock, "node-a");
    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier(outages, Duration.ofSeconds(10), wait -> {
        waits.add(wait);
        clock.advance(wait);
    }, () -> clock.instant().toEpochMilli() * 1_000_000);

    private static RuntimeException unreachable() {
        return new IllegalStateException("save failed", new SQLException("connection refused", "08001"));
    }

    @Test
    void a_call_that_meets_an_outage_is_tried_again_with_growing_waits_and_the_outage_is_recorded() {
        AtomicInteger tries = new AtomicInteger();

        String result = retrier.call("save progress", () -> {
            if (tries.incrementAndGet() <= 5) {
                throw unreachable();
            }
            return "saved";
        });

        assertThat(result).isEqualTo("saved");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1_600));
        List<RunFault> recorded = outages.between(clock.instant().minusSeconds(60), clock.instant());
        assertThat(recorded).singleElement().satisfies(outage -> {
            assertThat(outage.duration()).isEqualTo(Duration.ofMillis(3_100));
            assertThat(outage.detail()).isEqualTo("save progress: SQLException: connection refused");
        });
        assertThat(outages.isOngoing()).isFalse();
    }

    @Test
    void waits_stop_growing_at_two_seconds_and_the_call_gives_up_when_the_budget_is_spent() {
        assertThatThrownBy(() -> retrier.call("save progress", () -> {
            throw unreachable();
        })).hasMessage("save failed");

        assertThat(waits).contains(Duration.ofSeconds(2)).allMatch(wait -> wait.compareTo(Duration.ofSeconds(2)) <= 0);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(outages.isOngoing()).as("the outage is still under way").isTrue();
    }

    @Test
    void any_other_failure_goes_to_the_caller_at_once() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> retrier.call("save progress", () -> {
            tries.incrementAndGet();
            throw new IllegalArgumentException("not a database outage");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(tries).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void before_each_new_try_the_caller_may_restore_what_the_outage_took_for_instance_a_lock() {
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger restored = new AtomicInteger();

        retrier.call("enqueue", () -> {
            if (tries.incrementAndGet() <= 2) {
                throw unreachable();
            }
            return null;
        }, restored::incrementAndGet);

        assertThat(restored).hasValue(2);
    }

    @Test
    void outages_are_listed_for_the_window_asked_including_one_under_way() {
        outages.unreachable("flush", unreachable());
        clock.advance(Duration.ofSeconds(3));
        outages.reachable();
        clock.advance(Duration.ofSeconds(10));
        outages.unreachable("heartbeat", unreachable());
        clock.advance(Duration.ofSeconds(2));

        List<RunFault> all = outages.between(clock.instant().minusSeconds(60), clock.instant());

        assertThat(all).extracting(RunFault::duration).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
        assertThat(outages.between(clock.instant().minusSeconds(5), clock.instant())).hasSize(1);
    }
}
