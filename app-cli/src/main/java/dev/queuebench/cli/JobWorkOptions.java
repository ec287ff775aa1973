package dev.queuebench.cli;

import dev.queuebench.domain.JobWork;
import picocli.CommandLine.Option;

/** What each job does and carries: shared by the commands that start runs. */
final class JobWorkOptions {

    @Option(names = "--job-work", defaultValue = "none", paramLabel = "WORK",
            description = "What each job does: none, sleep:DURATION or cpu:DURATION (e.g. sleep:10ms). "
                    + "Default: ${DEFAULT-VALUE}.")
    String jobWork;

    @Option(names = "--payload", defaultValue = "0", paramLabel = "SIZE",
            description = "Data each job carries, serialized by the backend: 0, 512B, 4KB, up to 1MB. "
                    + "Default: ${DEFAULT-VALUE}.")
    String payload;

    /** @throws IllegalArgumentException for work or a size that cannot be parsed or is out of range */
    JobWork jobWork() {
        return JobWork.parse(jobWork, payload);
    }
}
