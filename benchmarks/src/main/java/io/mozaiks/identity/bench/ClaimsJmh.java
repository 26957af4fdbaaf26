package io.mozaiks.identity.bench;

import io.mozaiks.identity.bench.jmh.ContractClaimsBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Runs {@link ContractClaimsBenchmark} with few forks and iterations (about a minute) and keeps the scores. */
public final class ClaimsJmh {

    /** One benchmark's score; {@code error} is JMH's 99.9% confidence half-width. */
    public record Row(String name, double score, double error, String unit) {
    }

    private ClaimsJmh() {
    }

    public static List<Row> run(Path resultsDir) throws Exception {
        Options options = new OptionsBuilder()
                .include(ContractClaimsBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx256m")
                .resultFormat(ResultFormatType.JSON)
                .result(resultsDir.resolve("jmh.json").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            rows.add(new Row(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit()));
        }
        rows.sort(Comparator.comparing(Row::name));
        return rows;
    }
}
