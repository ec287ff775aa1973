package dev.queuebench.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuebench.domain.TickCounts;
import org.junit.jupiter.api.Test;

class DueWorkTest {

    @Test
    void the_jobs_due_less_those_finished_tick_by_tick_until_the_last_finished() {
        TickCounts due = new TickCounts(100, 100, new int[] {10, 0, 5});
        TickCounts finished = new TickCounts(101, 100, new int[] {0, 4, 0, 8, 3});

        TickCounts waiting = DueWork.waiting(due, finished);

        assertThat(waiting.startTick()).isEqualTo(100);
        assertThat(waiting.counts()).containsExactly(10, 10, 11, 11, 3, 0);
    }

    @Test
    void jobs_finished_before_they_were_due_do_not_make_the_waiting_negative() {
        TickCounts due = new TickCounts(10, 100, new int[] {0, 0, 6});
        TickCounts finished = new TickCounts(9, 100, new int[] {2, 0, 3, 0});

        assertThat(DueWork.waiting(due, finished).counts()).as("2 early before the first due tick, 3 more early")
                .containsExactly(0, 0, 1);
    }

    @Test
    void nothing_due_is_nothing_waiting_and_ticks_must_line_up() {
        assertThat(DueWork.waiting(TickCounts.empty(100), new TickCounts(1, 100, new int[] {1})).ticks()).isZero();
        assertThatThrownBy(() -> DueWork.waiting(new TickCounts(1, 100, new int[] {1}),
                new TickCounts(1, 1_000, new int[] {1}))).isInstanceOf(IllegalArgumentException.class);
    }
}
