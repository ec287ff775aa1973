package dev.queuebench.adapter.quartz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class QuartzProviderTest {

    @Test
    void service_loader_finds_quartz_with_the_version_of_the_library_on_the_classpath() {
        BackendDescriptor quartz = ServiceLoader.load(QueueBackendProvider.class).stream()
                .map(provider -> provider.get().descriptor())
                .filter(descriptor -> descriptor.id().equals(QuartzProvider.ID))
                .findFirst().orElseThrow();

        assertThat(quartz.displayName()).isEqualTo("Quartz");
        assertThat(quartz.libraryVersion()).matches("2\\.\\d+\\.\\d+");
    }

    @Test
    void it_offers_its_knobs_and_the_misfire_instruction_of_its_jobs() {
        assertThat(new QuartzProvider().knobs().options()).extracting(BackendOption::name)
                .containsExactly("threads", "batch-acquisition", "idle-wait", "misfire-threshold",
                        "misfire-instruction");
        assertThat(new QuartzProvider().descriptor().id().value()).isEqualTo("quartz");
    }
}
