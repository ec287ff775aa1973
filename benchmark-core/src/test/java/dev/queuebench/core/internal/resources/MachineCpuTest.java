package dev.queuebench.core.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineCpuTest {

    @TempDir
    Path proc;

    @Test
    void the_cores_busy_between_two_readings_all_and_each_with_io_wait_as_idle_and_steal_as_busy() throws IOException {
        Path stat = proc.resolve("stat");
        MachineCpu cpu = new MachineCpu(stat);
        //                       user nice system idle iowait irq softirq steal guest guest_nice
        write(stat, "cpu  1000 0 500 8000 500 0 0 0 0 0",
                "cpu0 500 0 250 4000 250 0 0 0 0 0",
                "cpu1 500 0 250 4000 250 0 0 0 0 0");
        assertThat(cpu.read()).as("the first reading has nothing to compare with").isEmpty();

        write(stat, "cpu  1900 0 600 8200 600 0 0 100 50 0",
                "cpu0 1400 0 350 4000 250 0 0 0 50 0",
                "cpu1 500 0 250 4200 350 0 0 100 0 0");
        MachineCpu.Loads loads = cpu.read().orElseThrow();

        assertThat(loads.all()).as("1,100 busy of 1,400 ticks").isEqualTo(1_100.0 / 1_400);
        assertThat(loads.cores()).containsExactly(1.0, 100.0 / 400);
    }

    @Test
    void without_proc_stat_there_is_nothing_to_read() {
        MachineCpu cpu = new MachineCpu(proc.resolve("no-such-file"));

        assertThat(cpu.read()).isEmpty();
        assertThat(cpu.read()).isEmpty();
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\nintr 12345\nctxt 999\n");
    }
}
