package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import java.nio.file.Path;

/**
 * A process that journals {@code count} completions and one start, says so, and waits to be killed: the other side
 * of {@code CompletionJournalTest}'s SIGKILL test. Arguments: directory, run id, node id, count.
 */
public final class JournalWriterProcess {

    static final String WRITTEN = "written";

    private JournalWriterProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        CompletionJournal journal = CompletionJournal.open(Path.of(args[0]), RunId.of(Long.parseLong(args[1])),
                NodeId.of(args[2]));
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            journal.completed(i, i, i, i);
        }
        journal.started(count, count);
        System.out.println(WRITTEN);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
