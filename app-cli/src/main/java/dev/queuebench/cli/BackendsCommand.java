package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.ExitCode;
import dev.queuebench.core.QueueBench;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.BackendSettings;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"List the registered backends, their library versions and their knobs: each knob's value in",
                "the shipped and the tuned profile, with where that value comes from, and the connections each",
                "backend's pool holds at the default threads."})
final class BackendsCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat.require(format, "backends", OutputFormat.table, OutputFormat.json);
        PrintWriter out = spec.commandLine().getOut();
        List<AvailableBackend> backends = BackendChoice.registered();
        if (format == OutputFormat.json) {
            out.println(ReportPrinter.json(backends.stream().map(BackendsCommand::asMap).toList()));
        } else {
            int nameWidth = backends.stream().flatMap(backend -> backend.options().stream())
                    .mapToInt(option -> option.name().length() + 1).max().orElse(0);
            String row = "    %-" + (nameWidth + 3) + "s %-16s %-16s %s";
            for (AvailableBackend backend : backends) {
                out.println(String.format("%-14s %-24s %s", backend.descriptor().id(),
                        backend.descriptor().displayName(), backend.descriptor().libraryVersion()));
                out.println(String.format(row, "knob", "shipped", "tuned", "meaning"));
                for (BackendOption option : backend.options()) {
                    out.println(String.format(row, "-o " + option.name() + "=", option.defaultIn(Profile.SHIPPED),
                            option.defaultIn(Profile.TUNED), option.meaning()));
                    if (option.sourceIn(Profile.SHIPPED).equals(option.sourceIn(Profile.TUNED))) {
                        out.println("        both:    " + option.sourceIn(Profile.SHIPPED));
                    } else {
                        out.println("        shipped: " + option.sourceIn(Profile.SHIPPED));
                        out.println("        tuned:   " + option.sourceIn(Profile.TUNED));
                    }
                }
                Map<Profile, Integer> pools = pools(backend);
                out.println("    pool: " + pools.get(Profile.SHIPPED) + " connections (shipped), "
                        + pools.get(Profile.TUNED) + " (tuned) at " + BackendSettings.DEFAULT_THREADS + " threads:"
                        + " the workers, the library's own threads and Queue Bench's "
                        + QueueBench.ENQUEUER_CONNECTIONS + " enqueuers (--db-pool-size to size it yourself)");
                out.println();
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> asMap(AvailableBackend backend) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", backend.descriptor().id().value());
        map.put("display_name", backend.descriptor().displayName());
        map.put("library_version", backend.descriptor().libraryVersion());
        map.put("options", backend.options().stream().map(option -> {
            Map<String, Object> knob = new LinkedHashMap<>();
            knob.put("name", option.name());
            knob.put("meaning", option.meaning());
            Map<String, Object> profiles = new LinkedHashMap<>();
            for (Profile profile : Profile.values()) {
                profiles.put(profile.wireName(), Map.of("value", option.defaultIn(profile),
                        "source", option.sourceIn(profile)));
            }
            knob.put("profiles", profiles);
            return knob;
        }).toList());
        Map<String, Object> pools = new LinkedHashMap<>();
        pools(backend).forEach((profile, connections) -> pools.put(profile.wireName(), connections));
        map.put("pool_connections", pools);
        return map;
    }

    /** The connections the backend's pool holds in each profile at the default threads. */
    private static Map<Profile, Integer> pools(AvailableBackend backend) {
        Map<Profile, Integer> pools = new EnumMap<>(Profile.class);
        for (Profile profile : Profile.values()) {
            pools.put(profile, QueueBench.setupOf(backend.descriptor().id(),
                    BackendSettings.none().withProfile(profile), OptionalInt.empty()).pool());
        }
        return pools;
    }
}
