package dev.queuebench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.queuebench.domain.measure.ThroughputSeries;
import dev.queuebench.ports.in.RunFault;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsSectionTest {

    private static final long START = 1_700_000_000L;
    private static final TimeAxis AXIS = TimeAxis.of(new ThroughputSeries(START, new int[] {5, 5, 5, 5}),
            ThroughputSeries.EMPTY).orElseThrow();
    private static final RunFault OUTAGE = new RunFault(RunFault.DATABASE_UNREACHABLE, at(1.5), at(4.75), "node-1",
            "Connection refused");
    private static final RunFault KILL = new RunFault("kill_node", at(-0.25), at(-0.25), "node-2", "killed pid 4242");

    @Test
    void a_run_without_faults_has_no_section() {
        assertThat(FaultsSection.of(List.of(), AXIS)).isNull();
        assertThat(FaultsSection.marks(List.of(), AXIS)).isEmpty();
    }

    @Test
    void each_fault_is_a_row_with_its_kind_in_words_and_its_start_on_the_charts_axis() {
        RunView.Faults faults = FaultsSection.of(List.of(KILL, OUTAGE), AXIS);

        assertThat(faults.since()).isEqualTo(TimeAxis.SINCE_FIRST_ENQUEUE);
        assertThat(faults.rows()).extracting(RunView.FaultRow::kind, RunView.FaultRow::node,
                RunView.FaultRow::started, RunView.FaultRow::lasted, RunView.FaultRow::detail).containsExactly(
                tuple("kill node", "node-2", "-250 ms", "-", "killed pid 4242"),
                tuple("database unreachable", "node-1", "1.50 s", "3.25 s", "Connection refused"));
    }

    @Test
    void each_fault_is_a_mark_from_its_start_to_its_end_that_says_what_where_and_why() {
        assertThat(FaultsSection.marks(List.of(KILL, OUTAGE), AXIS)).containsExactly(
                new ChartCanvas.Mark(-0.25, -0.25, "kill node", "kill node on node-2: killed pid 4242"),
                new ChartCanvas.Mark(1.5, 4.75, "database unreachable",
                        "database unreachable on node-1 for 3.25 s: Connection refused"));
    }

    @Test
    void a_fault_minutes_before_the_axis_zero_reads_as_one_negative_duration() {
        RunFault early = new RunFault(RunFault.DATABASE_UNREACHABLE, at(-185), at(-180), "node-1", "refused");

        assertThat(FaultsSection.of(List.of(early), AXIS).rows()).extracting(RunView.FaultRow::started)
                .containsExactly("-3 min 05 s");
    }

    @Test
    void a_run_with_nothing_to_plot_times_its_faults_from_its_creation() {
        TimeAxis sinceCreation = TimeAxis.sinceCreation(at(-2));

        RunView.Faults faults = FaultsSection.of(List.of(OUTAGE), sinceCreation);

        assertThat(faults.since()).isEqualTo("seconds since the run was created");
        assertThat(faults.rows()).extracting(RunView.FaultRow::started).containsExactly("3.50 s");
    }

    private static Instant at(double second) {
        return Instant.ofEpochSecond(START).plusNanos(Math.round(second * 1e9));
    }
}
