package dev.queuebench.adapter.quartz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.core.internal.service.QueueBackends;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.QueueBackendProvider;
import org.junit.jupiter.api.Test;

class QuartzProviderTest {

    @Test
    void service_loader_finds_quartz_with_the_version_of_the_library_on_the_classpath() {
        BackendDescriptor quartz = QueueBackends.discover().stream()
                .map(QueueBackendProvider::descriptor)
                .filter(descriptor -> descriptor.id().equals(QuartzProvider.ID))
                .findFirst().orElseThrow();

        assertThat(quartz.displayName()).isEqualTo("Quartz");
        assertThat(quartz.libraryVersion()).matches("2\\.\\d+\\.\\d+");
    }

    @Test
    void it_offers_the_four_knobs_of_the_issue() {
        assertThat(new QuartzProvider().options()).extracting(BackendOption::name)
                .containsExactly("threads", "batch-acquisition", "idle-wait", "misfire-threshold");
        assertThat(new QuartzProvider().descriptor().id().value()).isEqualTo("quartz");
    }
}
