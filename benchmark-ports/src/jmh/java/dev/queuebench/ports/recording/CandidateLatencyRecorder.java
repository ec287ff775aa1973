package dev.queuebench.ports.recording;

/** What {@link RunRecorder} needs of a latency recorder; lets {@link LatencyRecorderCandidatesBenchmark} swap them. */
interface CandidateLatencyRecorder {

    void record(long micros);

    /** Moves everything recorded since the last call into {@code target}. One drainer at a time. */
    void drainInto(LatencyHistogram target);

    /** {@link LatencyRecorder} as it is. */
    static CandidateLatencyRecorder current() {
        LatencyRecorder recorder = new LatencyRecorder();
        return new CandidateLatencyRecorder() {
            @Override
            public void record(long micros) {
                recorder.record(micros);
            }

            @Override
            public void drainInto(LatencyHistogram target) {
                recorder.drainInto(target);
            }
        };
    }
}
