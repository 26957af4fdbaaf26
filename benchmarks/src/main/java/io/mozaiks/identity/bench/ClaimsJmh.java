package io.mozaiks.identity.bench;

import io.mozaiks.identity.bench.jmh.ContractClaimsBenchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link ContractClaimsBenchmark} with few forks and iterations (about a minute and a half; the smoke run
 * of {@code -Dbench.smoke} a few seconds: {@code bench.jmh.*}) and keeps the scores.
 */
public final class ClaimsJmh {

    /**
     * One benchmark: the average (ns/op) with JMH's 99.9% confidence half-width, and the median of
     * sampled single calls (NaN if that mode did not run).
     */
    public record Row(String name, double score, double error, double sampleMedian, String unit) {
    }

    private ClaimsJmh() {
    }

    public static List<Row> run(Path resultsDir) throws Exception {
        Options options = new OptionsBuilder()
                .include(ContractClaimsBenchmark.class.getName() + "\\.")
                .include(io.mozaiks.identity.bench.jmh.RoleCurveBenchmark.class.getName() + "\\.")
                .forks(Integer.getInteger("bench.jmh.forks", 1))
                .warmupIterations(Integer.getInteger("bench.jmh.warmups", 2))
                .warmupTime(TimeValue.milliseconds(Integer.getInteger("bench.jmh.iteration.ms", 1000)))
                .measurementIterations(Integer.getInteger("bench.jmh.iterations", 3))
                .measurementTime(TimeValue.milliseconds(Integer.getInteger("bench.jmh.iteration.ms", 1000)))
                .jvmArgsAppend("-Xmx256m")
                .resultFormat(ResultFormatType.JSON)
                .result(resultsDir.resolve("jmh.json").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> byName = new TreeMap<>();
        String unit = "ns/op";
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String roles = r.getParams().getParam("roles");
            double[] v = byName.computeIfAbsent(label.substring(label.lastIndexOf('.') + 1)
                            + (roles == null ? "" : String.format("[%04d roles]", Integer.parseInt(roles))),
                    k -> new double[]{Double.NaN, Double.NaN, Double.NaN});
            if (r.getParams().getMode() == Mode.AverageTime) {
                v[0] = r.getPrimaryResult().getScore();
                v[1] = r.getPrimaryResult().getScoreError();
                unit = r.getPrimaryResult().getScoreUnit();
            } else if (r.getParams().getMode() == Mode.SampleTime) {
                v[2] = r.getPrimaryResult().getStatistics().getPercentile(50);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byName.entrySet()) {
            rows.add(new Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], unit));
        }
        return rows;
    }
}
