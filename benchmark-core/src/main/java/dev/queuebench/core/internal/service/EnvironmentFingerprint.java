package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.workload.RunWorkload;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.Durations;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.BackendSetup;
import dev.queuebench.ports.in.RunReport;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run ran on, stored with every run so that figures from different machines, servers or settings are never
 * compared unknowingly: Queue Bench's version and database kind (from the runner), the JVM, OS, cores and memory,
 * PostgreSQL's version and the settings that move results, the backend's library version, its profile, every knob in
 * effect and its pool, and the run's own mode, delay, size and nodes.
 */
final class EnvironmentFingerprint {


    private final Map<String, String> runnerFacts;
    private final DatabaseMetricsPort database;

    EnvironmentFingerprint(Map<String, String> runnerFacts, DatabaseMetricsPort database) {
        this.runnerFacts = Map.copyOf(Objects.requireNonNull(runnerFacts, "runner facts are required"));
        this.database = Objects.requireNonNull(database, "database metrics port is required");
    }

    Map<String, String> capture(BenchmarkRun run, int nodes, BackendDescriptor backend, BackendSetup setup) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("queue_bench.version", runnerFacts.getOrDefault("queue_bench.version", "unknown"));
        runnerFacts.forEach(facts::putIfAbsent);
        facts.put("jvm.vendor", System.getProperty("java.vendor", "unknown"));
        facts.put("jvm.version", Runtime.version().toString());
        facts.put("jvm.vm", System.getProperty("java.vm.name", "unknown"));
        facts.put("jvm.max_heap_mb", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        facts.put("os.name", System.getProperty("os.name", "unknown"));
        facts.put("os.version", System.getProperty("os.version", "unknown"));
        facts.put("os.arch", System.getProperty("os.arch", "unknown"));
        facts.put("machine.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("machine.memory_mb", Long.toString(totalMemoryBytes() / (1024 * 1024)));
        facts.putAll(database.facts());
        facts.put("backend.id", backend.id().value());
        facts.put("backend.library_version", backend.libraryVersion());
        facts.put(RunReport.PROFILE_FACT, setup.profile().wireName());
        setup.knobs().forEach((knob, value) -> facts.put("backend." + knob, value));
        facts.put(RunReport.POOL_FACT, Integer.toString(setup.pool()));
        facts.put(RunReport.POOL_NEEDED_FACT, Integer.toString(setup.poolNeeded()));
        facts.put("run.jobs_count", Integer.toString(run.jobsCount()));
        facts.put(RunReport.NODES_FACT, Integer.toString(nodes));
        facts.put("run.scheduling_mode", run.spec().schedulingMode().wireName());
        facts.put("run.job_delay", Durations.format(run.spec().jobDelay().value()));
        facts.put("run.workload", run.spec().workload().wireName());
        RunWorkload.of(run.spec().workload()).describe(facts);
        facts.put("run.job_work", run.spec().jobWork().workText());
        facts.put("run.payload", run.spec().jobWork().payloadText());
        return facts;
    }

    private static long totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
