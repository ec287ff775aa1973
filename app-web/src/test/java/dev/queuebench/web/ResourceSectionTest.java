package dev.queuebench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.ResourceSummary;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSectionTest {

    private static RunView.Resources section(List<ResourceSample> samples) {
        TimeAxis axis = TimeAxis.of(ThroughputSeries.EMPTY, ThroughputSeries.EMPTY, samples).orElseThrow();
        return ResourceSection.of(samples, ResourceSummary.of(samples), axis);
    }

    @Test
    void a_window_too_short_to_read_says_so_rather_than_let_its_zeros_pass_for_figures() {
        RunView.Resources brief = section(List.of(ResourceSamples.commits(0, 100), ResourceSamples.commits(0.255, 100)));

        assertThat(brief.sampled()).startsWith("2 samples over 255 ms").contains("Too short to read: the"
                + " per-second figures rest on 255 ms, and PostgreSQL's counters");
    }

    @Test
    void a_window_of_seconds_is_read_as_it_is() {
        RunView.Resources long_ = section(List.of(ResourceSamples.commits(0, 100), ResourceSamples.commits(1, 900),
                ResourceSamples.commits(3, 2_000)));

        assertThat(long_.sampled()).startsWith("3 samples over 3.00 s").doesNotContain("Too short");
    }
}
