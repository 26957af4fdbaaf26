package io.mozaiks.identity.bench;

import io.mozaiks.identity.bench.BenchRealm.Variant;
import io.mozaiks.identity.bench.TokenBench.Grant;
import io.mozaiks.identity.bench.TokenBench.Series;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @Test
    void aTargetIsMetOnlyWhenTheWholeIntervalClearsIt() {
        assertThat(Report.verdict(new Stats.Interval(0.99, 0.975, 1.005, 12), 0.97)).isEqualTo("met");
        assertThat(Report.verdict(new Stats.Interval(0.935, 0.910, 0.961, 12), 0.97)).isEqualTo("missed");
        assertThat(Report.verdict(new Stats.Interval(1.015, 0.951, 1.079, 12), 1.0))
                .isEqualTo("mean met, CI includes a miss");
        assertThat(Report.verdict(new Stats.Interval(0.96, 0.91, 1.01, 12), 0.97))
                .isEqualTo("mean missed, CI includes target");
    }

    @Test
    void theIssuesTargetsAndTheSplitOfBOverAAreReported() {
        assertThat(Report.RATIOS).extracting(Report.RatioDef::key).containsExactly("b/a", "b/c", "c/a", "s/a", "r/s", "r/a", "b/r", "t/a", "b/t", "u/t");
        assertThat(Report.RATIOS.get(0).target()).isEqualTo(Report.TARGET_CONTRACT_VS_FLOOR);
        assertThat(Report.RATIOS.get(1).target()).isEqualTo(Report.TARGET_CONTRACT_VS_BUILTIN);
        assertThat(Report.RATIOS.get(6).numerator()).isEqualTo(Variant.CONTRACT);
        assertThat(Report.RATIOS.get(6).denominator()).isEqualTo(Variant.ROLES);
    }

    @Test
    void everyTableRowHasAsManyCellsAsItsHeaderAndTheRatiosArePerRound() {
        Report report = new Report(new LinkedHashMap<>(Map.of("date", "today")), results(), null, null);

        String md = report.markdown();

        List<String> lines = md.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("|---")) {
                int cells = cells(lines.get(i - 1));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                    assertThat(cells(lines.get(j))).as(lines.get(j)).isEqualTo(cells);
                }
            }
        }
        // b = 0.9 x a in every round; r = b: "missed" for b/a, "met" for b/r
        assertThat(report.ratio(Grant.CLIENT_CREDENTIALS, Variant.CONTRACT, Variant.FLOOR).mean()).isCloseTo(0.9,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(md).contains("| client_credentials | 0.900 [0.900, 0.900] | missed |");
        assertThat(md).contains("| 1.000 [1.000, 1.000] | met |");
        assertThat(report.errors()).isZero();
    }

    @Test
    void theConformanceTableHasItsRatiosAndPerClientCost() {
        ConformanceBench.Row zero = new ConformanceBench.Row(0, 6, 0, 0, true, new long[] {9_000_000, 10_000_000, 11_000_000},
                new long[] {10_000_000, 10_000_000, 10_000_000}, 4000, 4000);
        ConformanceBench.Row thousand = new ConformanceBench.Row(1000, 1006, 500, 250, true,
                new long[] {40_000_000, 50_000_000, 60_000_000}, new long[] {10_000_000, 10_000_000, 10_000_000}, 400_000, 4000);
        ConformanceBench.Row noLookups = new ConformanceBench.Row(1000, 1006, 500, 250, false,
                new long[] {30_000_000, 40_000_000, 50_000_000}, new long[] {10_000_000, 10_000_000, 10_000_000}, 400_000, 4000);
        ConformanceBench.Results results = new ConformanceBench.Results(1, 3, List.of(zero, thousand, noLookups), 10.0, 5.0);
        assertThat(results.withLookups()).containsExactly(zero, thousand);
        assertThat(results.ratioToBaseline(thousand)).isEqualTo(5.0);
        assertThat(results.msPer1000(thousand)).isEqualTo(40.0);
        assertThat(results.msPer1000VsControl(thousand)).isEqualTo(40.0);
        assertThat(results.msPer1000(zero)).isNaN();

        String md = new Report(new LinkedHashMap<>(Map.of("date", "today")), null, null, null, results).markdown();

        List<String> lines = md.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("| extra clients")).findFirst().orElseThrow());
        for (int j = header + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
            assertThat(cells(lines.get(j))).as(lines.get(j)).isEqualTo(cells(lines.get(header)));
        }
        assertThat(md).contains("| 0 | 6 | 0 | 0 | 10.0 | 11.0 | 10.0 | 1.00 | 1.00 | - | - | 4000 |");
        assertThat(md).contains("| 1000 | 1006 | 500 | 250 | 50.0 | 60.0 | 10.0 | 5.00 | 5.00 | 40.0 | 40.0 | 400000 |");
        assertThat(md).contains("| 1000, no lookups | 1006 | 500 | 250 | 40.0 | 50.0 | 10.0 | 4.00 | 4.00 | 30.0 | 30.0 | 400000 |");
    }

    @Test
    void halfTheExtraClientsCarryTheContractScopeAndAQuarterHaveAServiceAccount() {
        long contract = java.util.stream.IntStream.range(0, 1000).filter(ConformanceBench::hasContractScope).count();
        long accounts = java.util.stream.IntStream.range(0, 1000).filter(ConformanceBench::hasServiceAccount).count();
        assertThat(contract).isEqualTo(500);
        assertThat(accounts).isEqualTo(250);
        assertThat(ConformanceBench.clientId(42)).isEqualTo("bench-conf-00042");
    }

    private static int cells(String row) {
        return (int) row.chars().filter(c -> c == '|').count();
    }

    private static TokenBench.Results results() {
        Map<Grant, Map<Variant, Series>> series = new EnumMap<>(Grant.class);
        for (Grant grant : Grant.values()) {
            Map<Variant, Series> perVariant = new EnumMap<>(Variant.class);
            for (Variant v : Variant.values()) {
                double factor = v == Variant.FLOOR || v == Variant.RESOLVE ? 1.0 : 0.9;
                Series s = new Series(3);
                for (int round = 0; round < 3; round++) {
                    s.throughputPerRound[round] = (500 + 10 * round) * factor;
                    s.cpuMicrosPerRound[round] = 2000 / factor;
                }
                s.latencies.add(new long[] {1_000_000, 2_000_000, 3_000_000});
                s.ok = 3;
                s.bytes = 3000;
                perVariant.put(v, s);
            }
            series.put(grant, perVariant);
        }
        return new TokenBench.Results(new TokenBench.Settings(3, 1, Duration.ofSeconds(2), 4, 100), series,
                new EnumMap<>(Variant.class), 12.0);
    }
}
