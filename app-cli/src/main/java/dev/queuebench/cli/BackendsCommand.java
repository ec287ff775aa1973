package dev.queuebench.cli;

import dev.queuebench.ports.spi.BackendOption;
import dev.queuebench.ports.spi.QueueBackendProvider;
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
        List<QueueBackendProvider> providers = BackendChoice.registered();
        if (format == OutputFormat.json) {
            out.println(ReportPrinter.json(providers.stream().map(BackendsCommand::asMap).toList()));
        } else {
            for (QueueBackendProvider provider : providers) {
                out.println(String.format("%-14s %-14s %s", provider.descriptor().id(),
                        provider.descriptor().displayName(), provider.descriptor().libraryVersion()));
                for (BackendOption option : provider.options()) {
                    out.println(String.format("    -o %-22s %-16s %s", option.name() + "=", option.defaultValue(),
                            option.meaning()));
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> asMap(QueueBackendProvider provider) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", provider.descriptor().id().value());
        map.put("display_name", provider.descriptor().displayName());
        map.put("library_version", provider.descriptor().libraryVersion());
        map.put("options", provider.options().stream().map(option -> Map.of(
                "name", option.name(), "default", option.defaultValue(), "meaning", option.meaning())).toList());
        return map;
    }
}
