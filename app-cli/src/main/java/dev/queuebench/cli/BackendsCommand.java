package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.ExitCode;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendOption;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the registered backends, their library versions and their knobs.")
final class BackendsCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == OutputFormat.csv) {
            throw new BadInputException("backends prints table or json, not csv");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<AvailableBackend> backends = BackendChoice.registered();
        if (format == OutputFormat.json) {
            out.println(ReportPrinter.json(backends.stream().map(BackendsCommand::asMap).toList()));
        } else {
            int nameWidth = backends.stream().flatMap(backend -> backend.options().stream())
                    .mapToInt(option -> option.name().length() + 1).max().orElse(0);
            for (AvailableBackend backend : backends) {
                out.println(String.format("%-14s %-14s %s", backend.descriptor().id(),
                        backend.descriptor().displayName(), backend.descriptor().libraryVersion()));
                for (BackendOption option : backend.options()) {
                    out.println(String.format("    -o %-" + nameWidth + "s %-16s %s", option.name() + "=",
                            option.defaultValue(), option.meaning()));
                }
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
        map.put("options", backend.options().stream().map(option -> Map.of(
                "name", option.name(), "default", option.defaultValue(), "meaning", option.meaning())).toList());
        return map;
    }
}
