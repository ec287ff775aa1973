package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.NodeId;
import java.util.BitSet;
import java.util.List;

/**
 * A node's journal of a run, replayed into a fresh recorder: everything the node recorded, up to its last whole record.
 *
 * @param recorder  the node's recordings, to save as its snapshot
 * @param node      whose journal it is
 * @param records   how many whole records the journal held
 * @param inFlight  the jobs the node started and never completed: what it was running when it stopped
 */
public record JournalReplay(RunRecorder recorder, NodeId node, int records, BitSet inFlight) {

    public JournalReplay {
        inFlight = (BitSet) inFlight.clone();
    }

    @Override
    public BitSet inFlight() {
        return (BitSet) inFlight.clone();
    }

    static JournalReplay of(RunRecorder recorder, NodeId node, List<CompletionJournal.Entry> entries) {
        BitSet started = new BitSet(recorder.jobsCount());
        for (CompletionJournal.Entry entry : entries) {
            switch (entry.kind()) {
                case STARTED -> {
                    if (entry.value() >= 0 && entry.value() < recorder.jobsCount()) {
                        started.set(entry.value());
                    }
                }
                case COMPLETED -> recorder.recordCompletion(entry.value(), entry.dueMicros(), entry.startedMicros(),
                        entry.finishedMicros());
                case ENQUEUED -> recorder.recordEnqueue(entry.value(), entry.dueMicros(), entry.finishedMicros());
            }
        }
        BitSet inFlight = (BitSet) started.clone();
        started.stream().filter(recorder::isCompleted).forEach(inFlight::clear);
        return new JournalReplay(recorder, node, entries.size(), inFlight);
    }
}
