package io.mozaiks.identity.bench;

import java.util.Arrays;

/** Means with Student-t confidence intervals over rounds, and nearest-rank percentiles. */
public final class Stats {

    /** Two-sided 95% quantiles t(0.975, df) for df = 1..30. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
            2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    private Stats() {
    }

    /** Mean and 95% confidence interval of the mean. */
    public record Interval(double mean, double low, double high, int n) {
        public String format(int decimals) {
            String f = "%." + decimals + "f";
            return String.format(java.util.Locale.ROOT, f + " [" + f + ", " + f + "]", mean, low, high);
        }
    }

    public static Interval meanCi95(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        if (n == 1) {
            return new Interval(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = t975(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Interval(mean, mean - half, mean + half, n);
    }

    /** t(0.975, df): the table up to 30, beyond that the Cornish-Fisher expansion around z = 1.95996. */
    static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("df must be >= 1");
        }
        if (df <= T_975.length) {
            return T_975[df - 1];
        }
        double z = 1.959964;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }

    /** Nearest-rank percentile of an ascending array (p in 0..100). */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double[] ratios(double[] numerator, double[] denominator) {
        double[] out = new double[numerator.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = numerator[i] / denominator[i];
        }
        return out;
    }
}
