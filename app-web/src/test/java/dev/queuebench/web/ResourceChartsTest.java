package dev.queuebench.web;

import static dev.queuebench.web.ResourceSamples.commits;
import static dev.queuebench.web.ResourceSamples.jvmAt;
import static dev.queuebench.web.ResourceSamples.poolsAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.JvmSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceChartsTest {

    @Test
    void a_run_with_two_samples_gets_every_plot() {
        List<ResourceSample> samples = List.of(commits(0, 0), commits(1, 100));

        List<ResourceCharts.Plot> plots = ResourceCharts.of(samples, axis(samples));

        assertThat(plots).extracting(ResourceCharts.Plot::title).containsExactly(
                "Memory (MB)", "PostgreSQL commits per second",
                "PostgreSQL tuple changes per second", "Connection pools (connections)", "Sessions waiting on locks",
                "Backend table rows", "Backend table size (MB)");
    }

    @Test
    void a_single_sample_is_not_plotted() {
        List<ResourceSample> samples = List.of(commits(0, 0));

        assertThat(ResourceCharts.of(samples, axis(samples))).isEmpty();
    }

    @Test
    void commits_are_drawn_as_their_rate_and_the_scale_ends_above_the_highest_rate() {
        List<ResourceSample> samples = List.of(commits(0, 0), commits(1, 100), commits(2, 400), commits(3, 0));

        Chart chart = plot(samples, "PostgreSQL commits per second").chart();

        assertThat(chart.yTicks()).extracting(Chart.Tick::label).last().isEqualTo("400");
        assertThat(chart.summary()).contains("commits peak 300.0/s");
        assertThat(chart.line("c3").orElseThrow().path()).startsWith("M").endsWith("Z");
    }

    @Test
    void cpu_is_a_percentage_whose_scale_stops_at_100() {
        List<ResourceSample> samples = List.of(jvmAt(0, 64, 0.5), jvmAt(1, 64, 0.99));

        Chart chart = ResourceCharts.cpu(samples, axis(samples)).chart();

        assertThat(chart.yTicks()).extracting(Chart.Tick::label).last().isEqualTo("100");
        assertThat(chart.summary()).contains("this process peak 99%");
    }

    @Test
    void a_figure_the_platform_does_not_give_is_left_out_not_drawn_as_negative() {
        List<ResourceSample> samples = List.of(jvmAt(0, 64, -1), jvmAt(1, 64, -1));

        ResourceCharts.Plot cpu = ResourceCharts.cpu(samples, axis(samples));

        assertThat(cpu.chart().lines()).as("no process, machine, server or core figure").isEmpty();
        assertThat(cpu.note()).isEqualTo("Not available on this platform.");
    }

    @Test
    void a_missing_figure_between_known_ones_breaks_the_line() {
        List<ResourceSample> samples = List.of(jvmAt(0, 64, 0.2), jvmAt(1, 64, -1), jvmAt(2, 64, 0.3),
                jvmAt(3, 64, 0.4));

        String path = ResourceCharts.cpu(samples, axis(samples)).chart().line("c1").orElseThrow().path();

        assertThat(path.chars().filter(c -> c == 'M').count()).isEqualTo(2);
    }

    @Test
    void the_cpu_plot_draws_the_machine_the_database_server_and_the_busiest_core_beside_this_process() {
        List<ResourceSample> samples = List.of(cpuAt(0, 0.5, 0.25, List.of(0.6, 0.4)),
                cpuAt(1, 0.9, 0.5, List.of(1.0, 0.8)));

        Chart chart = ResourceCharts.cpu(samples, axis(samples)).chart();

        assertThat(chart.lines()).extracting(Chart.Line::label)
                .containsExactly("this process", "the machine", "PostgreSQL", "busiest core");
        assertThat(chart.summary()).contains("the machine peak 90%", "PostgreSQL peak 50%", "busiest core peak 100%");
        assertThat(ResourceCharts.cpu(samples.subList(0, 1), axis(samples))).as("one sample").isNull();
    }

    @Test
    void the_workers_occupancy_is_their_busy_time_each_second_over_their_threads() {
        List<ResourceSample> samples = List.of(jvmAt(0, 64, 0.1), jvmAt(3, 64, 0.1));
        TickCounts busy = new TickCounts(ResourceSamples.time(0).getEpochSecond(), 1_000,
                new int[] {4_000_000, 2_000_000, 0});

        ResourceCharts.Plot plot = ResourceCharts.workersBusy(busy, 4, axis(samples));

        assertThat(plot.title()).isEqualTo("Workers busy (% of 4 threads)");
        assertThat(plot.chart().summary()).endsWith("busy in jobs peak 100%");
        assertThat(plot.chart().yTicks()).extracting(Chart.Tick::label).last().isEqualTo("100");
        assertThat(ResourceCharts.workersBusy(TickCounts.empty(1_000), 4, axis(samples))).isNull();
    }

    @Test
    void the_jobs_due_and_not_finished_are_drawn_with_their_peak() {
        List<ResourceSample> samples = List.of(jvmAt(0, 64, 0.1), jvmAt(3, 64, 0.1));
        TickCounts waiting = new TickCounts(ResourceSamples.time(0).toEpochMilli() / 100, 100,
                new int[] {0, 500, 1_200, 700, 0});

        ResourceCharts.Plot plot = ResourceCharts.dueNotFinished(waiting, axis(samples));

        assertThat(plot.title()).isEqualTo("Jobs due, not yet finished");
        assertThat(plot.chart().summary()).endsWith("peak 1,200");
        assertThat(plot.chart().line("c6").orElseThrow().path()).startsWith("M").endsWith("Z");
        assertThat(ResourceCharts.dueNotFinished(TickCounts.empty(100), axis(samples))).isNull();
    }

    private static ResourceSample cpuAt(double second, double machine, double server, List<Double> cores) {
        return new ResourceSample(ResourceSamples.time(second), new JvmSample(64, 128, 0.3, 0, 0, 10, machine, cores),
                List.of(), new DatabaseSample(0, 0, 0, 0, 0, 0, 0, server));
    }

    @Test
    void pools_show_active_and_waiting_each_and_name_the_ones_that_stayed_idle() {
        List<ResourceSample> samples = List.of(
                poolsAt(0, new PoolSample("qb-core", 1, 9, 0), new PoolSample("qb-quartz", 0, 2, 0)),
                poolsAt(1, new PoolSample("qb-core", 10, 0, 4), new PoolSample("qb-quartz", 0, 2, 0)));

        ResourceCharts.Plot pools = plot(samples, "Connection pools (connections)");

        assertThat(pools.chart().lines()).extracting(Chart.Line::label)
                .containsExactly("qb-core active", "qb-core waiting");
        assertThat(pools.chart().lines()).extracting(Chart.Line::style)
                .containsExactly("line c1", "line c1 dashed");
        assertThat(pools.note()).contains("qb-quartz");
    }

    @Test
    void an_hour_of_samples_is_thinned_and_keeps_its_peak() {
        List<ResourceSample> samples = new ArrayList<>();
        for (int second = 0; second < 3_600; second++) {
            samples.add(jvmAt(second, second == 1_234 ? 900 : 100, 0.1));
        }

        Chart memory = plot(samples, "Memory (MB)").chart();

        String heap = memory.line("c1").orElseThrow().path();
        assertThat(heap.chars().filter(c -> c == 'L').count()).isLessThan(ResourceCharts.MAX_POINTS);
        assertThat(memory.summary()).contains("heap used peak 900.0 MB");
        assertThat(memory.summary()).contains("resident set (RSS) peak 1,800.0 MB");
        assertThat(memory.yTicks()).extracting(Chart.Tick::label).last().isEqualTo("2,000");
    }

    @Test
    void axis_labels_stay_short() {
        assertThat(ResourceCharts.axisLabel(950)).isEqualTo("950");
        assertThat(ResourceCharts.axisLabel(5_000)).isEqualTo("5,000");
        assertThat(ResourceCharts.axisLabel(25_000)).isEqualTo("25k");
        assertThat(ResourceCharts.axisLabel(1_500_000)).isEqualTo("1.5M");
        assertThat(ResourceCharts.axisLabel(2_000_000)).isEqualTo("2M");
    }

    private static ResourceCharts.Plot plot(List<ResourceSample> samples, String title) {
        return ResourceCharts.of(samples, axis(samples)).stream().filter(plot -> plot.title().equals(title))
                .findFirst().orElseThrow();
    }

    private static TimeAxis axis(List<ResourceSample> samples) {
        return TimeAxis.of(ThroughputSeries.EMPTY, ThroughputSeries.EMPTY, samples).orElseThrow();
    }
}
