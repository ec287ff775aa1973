package dev.queuebench.cli;

/** Limits of {@code --trials} and {@code --warmup}. */
final class Trials {

    static final int MAX = 100;

    private Trials() {
    }

    static void validate(int trials, int warmups) {
        if (trials < 1 || trials > MAX) {
            throw new IllegalArgumentException("--trials must be between 1 and " + MAX + ", was " + trials);
        }
        if (warmups < 0 || warmups > MAX) {
            throw new IllegalArgumentException("--warmup must be between 0 and " + MAX + ", was " + warmups);
        }
    }
}
