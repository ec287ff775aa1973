package dev.queuebench.domain.measure;

/** Two-sided 95% critical values of Student's t distribution. */
final class StudentT {

    /** t(0.975, df) for df = 1..30, from the standard tables. */
    private static final double[] CRITICAL_95 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    private StudentT() {
    }

    static double critical95(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom start at 1, was " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= CRITICAL_95.length) {
            return CRITICAL_95[degreesOfFreedom - 1];
        }
        if (degreesOfFreedom <= 40) {
            return 2.021;
        }
        if (degreesOfFreedom <= 60) {
            return 2.000;
        }
        if (degreesOfFreedom <= 120) {
            return 1.980;
        }
        return 1.960;
    }
}
