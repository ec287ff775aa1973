package dev.queuebench.web;

import dev.queuebench.common.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's fingerprint in groups a reader looks for: what ran it, the database, the backend with its knobs, the run.
 * Keys the page knows get a name; the open-ended ones (PostgreSQL settings, backend knobs) keep their own, as they
 * are typed on a command line or in {@code postgresql.conf}; keys it does not know are shown as they are.
 */
final class EnvironmentSections {

    private record Group(String title, List<String> prefixes) {

        boolean holds(String key) {
            return prefixes.stream().anyMatch(key::startsWith);
        }

        String prefixOf(String key) {
            return prefixes.stream().filter(key::startsWith).findFirst().orElse("");
        }
    }

    private static final List<Group> GROUPS = List.of(
            new Group("Queue Bench, JVM and machine", List.of("queue_bench.", "jvm.", "os.", "machine.")),
            new Group("PostgreSQL", List.of("postgres.", "database.")),
            new Group("Backend", List.of("backend.")),
            new Group("Run", List.of("run.")));

    /** Names of the keys the page knows, in the order a group lists them. */
    private static final List<Map.Entry<String, String>> NAMES = List.of(
            Map.entry("queue_bench.version", "Queue Bench"),
            Map.entry("jvm.vendor", "JVM vendor"),
            Map.entry("jvm.version", "JVM version"),
            Map.entry("jvm.vm", "JVM"),
            Map.entry("jvm.max_heap_mb", "Max heap"),
            Map.entry("os.name", "OS"),
            Map.entry("os.version", "OS version"),
            Map.entry("os.arch", "Architecture"),
            Map.entry("machine.cores", "Cores"),
            Map.entry("machine.memory_mb", "Memory"),
            Map.entry("postgres.version", "Version"),
            Map.entry("database.kind", "Server"),
            Map.entry("database.url", "URL"),
            Map.entry("backend.id", "Backend"),
            Map.entry("backend.library_version", "Library version"),
            Map.entry("run.jobs_count", "Jobs"),
            Map.entry("run.scheduling_mode", "Scheduling mode"),
            Map.entry("run.job_delay", "Job delay"));

    private EnvironmentSections() {
    }

    /**
     * Groups in a fixed order, empty ones left out. Within a group the keys the page knows come first, in its order
     * (runners add facts such as the database kind in no particular order), then the rest as captured.
     */
    static List<RunView.EnvironmentGroup> of(Map<String, String> environment) {
        List<RunView.EnvironmentGroup> groups = new ArrayList<>();
        for (Group group : GROUPS) {
            List<RunView.Fact> facts = new ArrayList<>();
            NAMES.stream().filter(known -> environment.containsKey(known.getKey()) && group.holds(known.getKey()))
                    .forEach(known -> facts.add(fact(known.getValue(), known.getKey(),
                            environment.get(known.getKey()))));
            environment.forEach((key, value) -> {
                if (group.holds(key) && !isKnown(key)) {
                    facts.add(fact(key.substring(group.prefixOf(key).length()), key, value));
                }
            });
            if (!facts.isEmpty()) {
                groups.add(new RunView.EnvironmentGroup(group.title(), facts));
            }
        }
        List<RunView.Fact> other = new ArrayList<>();
        environment.forEach((key, value) -> {
            if (GROUPS.stream().noneMatch(group -> group.holds(key))) {
                other.add(new RunView.Fact(key, key, value));
            }
        });
        if (!other.isEmpty()) {
            groups.add(new RunView.EnvironmentGroup("Other", other));
        }
        return groups;
    }

    private static boolean isKnown(String key) {
        return NAMES.stream().anyMatch(known -> known.getKey().equals(key));
    }

    private static RunView.Fact fact(String name, String key, String value) {
        return new RunView.Fact(name, key, shown(key, value));
    }

    /** Megabytes as {@code 15,872 MB}, the jobs count as {@code 10,000}; everything else as stored. */
    private static String shown(String key, String value) {
        try {
            if (key.endsWith("_mb")) {
                return Text.count(Long.parseLong(value)) + " MB";
            }
            if (key.equals("run.jobs_count")) {
                return Text.count(Long.parseLong(value));
            }
        } catch (NumberFormatException e) {
            return value;
        }
        return value;
    }
}
