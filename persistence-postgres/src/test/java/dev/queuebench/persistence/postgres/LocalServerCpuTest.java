package dev.queuebench.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's processes' CPU from a /proc written by the test: a postmaster, its children, and others. */
class LocalServerCpuTest {

    @TempDir
    Path proc;

    @Test
    void the_postmaster_its_reaped_and_its_live_children_count_over_the_machines_ticks() throws IOException {
        LocalServerCpu cpu = new LocalServerCpu(proc);
        machine(10_000);
        process(1, "systemd", 0, 50, 50, 0, 0);
        process(100, "postgres", 1, 10, 10, 100, 100);
        process(101, "postgres", 100, 200, 100, 0, 0);
        process(102, "postgres", 100, 20, 20, 0, 0);
        process(200, "java (qb)", 1, 5_000, 500, 0, 0);
        assertThat(cpu.read(101)).as("the first reading").isEmpty();

        machine(12_000);
        process(100, "postgres", 1, 12, 10, 250, 150); // 102 ended: 100 ticks more among the reaped children
        process(101, "postgres", 100, 500, 200, 0, 0); // 400 ticks more
        Files.walk(proc.resolve("102")).sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile()
                .delete());
        process(103, "postgres", 100, 40, 10, 0, 0); // a new backend: 50 ticks
        process(200, "java (qb)", 1, 6_000, 600, 0, 0); // not the server's

        // before: 20 + 200 + 300 + 40 = 560; after: 22 + 400 + 700 + 50 = 1,172
        assertThat(cpu.read(101)).hasValue((1_172.0 - 560) / 2_000);
    }

    @Test
    void where_the_kernel_lists_the_postmasters_children_only_those_are_read() throws IOException {
        LocalServerCpu cpu = new LocalServerCpu(proc);
        machine(10_000);
        process(1, "systemd", 0, 50, 50, 0, 0);
        process(100, "postgres", 1, 10, 10, 0, 0);
        process(101, "postgres", 100, 100, 0, 0, 0);
        process(102, "postgres", 100, 100, 0, 0, 0);
        children(100, "101");
        assertThat(cpu.read(101)).isEmpty();

        machine(11_000);
        process(101, "postgres", 100, 300, 0, 0, 0);
        process(102, "postgres", 100, 900, 0, 0, 0); // not in the kernel's list: not read

        assertThat(cpu.read(101)).hasValue(200.0 / 1_000);
    }

    @Test
    void a_process_that_is_not_postgres_or_not_on_this_machine_gives_nothing() throws IOException {
        LocalServerCpu cpu = new LocalServerCpu(proc);
        machine(10_000);
        process(1, "systemd", 0, 50, 50, 0, 0);
        process(300, "sshd", 1, 5, 5, 0, 0);

        assertThat(cpu.read(300)).isEmpty();
        machine(11_000);
        assertThat(cpu.read(300)).isEmpty();
        assertThat(cpu.read(4_242)).as("no such process here: a server elsewhere").isEmpty();
    }

    private void children(long pid, String children) throws IOException {
        Path task = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("task")
                .resolve(Long.toString(pid)));
        Files.writeString(task.resolve("children"), children + " ");
    }

    private void machine(long ticks) throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu  " + ticks + " 0 0 0 0 0 0 0 0 0\ncpu0 " + ticks
                + " 0 0 0 0 0 0 0 0 0\n");
    }

    private void process(long pid, String command, long parent, long user, long system, long childrenUser,
                         long childrenSystem) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("comm"), command.split(" ")[0] + "\n");
        // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        Files.writeString(dir.resolve("stat"), pid + " (" + command + ") S " + parent + " 1 1 0 -1 4194304 10 0 0 0 "
                + user + " " + system + " " + childrenUser + " " + childrenSystem + " 20 0 1 0 100 1000 100\n");
    }
}
