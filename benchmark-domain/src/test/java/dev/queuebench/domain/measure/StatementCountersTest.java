package dev.queuebench.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.measure.StatementCounters.Counter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementCountersTest {

    private static final List<String> TABLES = List.of("scheduled_tasks");
    private static final String FETCH = "select * from SCHEDULED_TASKS where picked = $1 for update skip locked";
    private static final String DELETE = "delete from scheduled_tasks where task_name = $1";
    private static final String SNAPSHOT = "insert into completion_snapshots values ($1, $2)";

    @Test
    void the_statements_between_two_moments_come_the_most_time_first_the_backends_before_the_harnesses() {
        StatementCounters start = counters(Map.of(
                1L, new Counter(FETCH, 10, 50.0, 100),
                2L, new Counter(DELETE, 5, 5.0, 5),
                3L, new Counter(SNAPSHOT, 1, 1.0, 1)));
        StatementCounters end = counters(Map.of(
                1L, new Counter(FETCH, 110, 250.0, 1_100),
                2L, new Counter(DELETE, 1_005, 905.0, 1_005),
                3L, new Counter(SNAPSHOT, 21, 401.0, 21)));

        assertThat(end.since(start, TABLES)).containsExactly(
                new StatementTime(DELETE, 1_000, 900.0, 1_000, true),
                new StatementTime(FETCH, 100, 200.0, 1_000, true),
                new StatementTime(SNAPSHOT, 20, 400.0, 20, false));
    }

    @Test
    void statements_without_calls_in_between_are_left_out_and_new_or_evicted_ones_count_from_zero() {
        StatementCounters start = counters(Map.of(
                1L, new Counter(FETCH, 10, 50.0, 100),
                2L, new Counter(DELETE, 500, 500.0, 500)));
        StatementCounters end = counters(Map.of(
                1L, new Counter(FETCH, 10, 50.0, 100),
                2L, new Counter(DELETE, 3, 2.0, 3),
                4L, new Counter(SNAPSHOT, 7, 7.0, 7)));

        assertThat(end.since(start, TABLES)).containsExactly(
                new StatementTime(DELETE, 3, 2.0, 3, true),
                new StatementTime(SNAPSHOT, 7, 7.0, 7, false));
    }

    @Test
    void a_run_keeps_the_top_five_of_the_backend_and_the_top_two_of_the_harness() {
        Map<Long, Counter> now = new HashMap<>();
        for (long id = 1; id <= 8; id++) {
            now.put(id, new Counter("update scheduled_tasks set n = " + id, 1, id, 1));
            now.put(100 + id, new Counter("select " + id, 1, id, 1));
        }

        List<StatementTime> top = counters(now).since(StatementCounters.NONE, TABLES);

        assertThat(top).extracting(StatementTime::totalMillis).containsExactly(8.0, 7.0, 6.0, 5.0, 4.0, 8.0, 7.0);
        assertThat(top).extracting(StatementTime::backend)
                .containsExactly(true, true, true, true, true, false, false);
        assertThat(top.get(0).meanMillis()).isEqualTo(8.0);
    }

    private static StatementCounters counters(Map<Long, Counter> byQueryId) {
        return new StatementCounters(byQueryId);
    }
}
