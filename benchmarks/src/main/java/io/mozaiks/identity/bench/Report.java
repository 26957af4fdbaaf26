package io.mozaiks.identity.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mozaiks.identity.bench.BenchRealm.Variant;
import io.mozaiks.identity.bench.TokenBench.Grant;
import io.mozaiks.identity.bench.TokenBench.Series;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as JSON (for machines) and a markdown table (for docs/benchmarks.md and the console). Longer than
 * most classes here on purpose: it is the one place that knows every scenario's result shape, so that the JSON
 * and the table cannot drift apart.
 */
public final class Report {

    public static final double TARGET_CONTRACT_VS_FLOOR = 0.97;
    public static final double TARGET_CONTRACT_VS_BUILTIN = 1.0;

    /** One reported ratio; {@code target} null = reported for explanation, no target of its own. */
    record RatioDef(Variant numerator, Variant denominator, String meaning, Double target) {
        String key() {
            return numerator.letter + "/" + denominator.letter;
        }

        String label() {
            return key() + " " + meaning;
        }
    }

    /**
     * b/a and b/c are the targets. The controls split b/a: s/a resolving the user's roles, r/s carrying
     * their names in the token (together r/a, what any roles claim costs), and b/r what the contract adds on
     * top of that, held to the same 3% budget. b/t compares a contract client with a stock client (Keycloak's
     * default roles scope); u/t is the contract added to such a stock client, held to the 3% budget too.
     */
    static final List<RatioDef> RATIOS = List.of(
            new RatioDef(Variant.CONTRACT, Variant.FLOOR, "contract/floor", TARGET_CONTRACT_VS_FLOOR),
            new RatioDef(Variant.CONTRACT, Variant.BUILTIN, "contract/built-in", TARGET_CONTRACT_VS_BUILTIN),
            new RatioDef(Variant.BUILTIN, Variant.FLOOR, "built-in/floor", null),
            new RatioDef(Variant.RESOLVE, Variant.FLOOR, "resolve only/floor", null),
            new RatioDef(Variant.ROLES, Variant.RESOLVE, "roles alone/resolve only", null),
            new RatioDef(Variant.ROLES, Variant.FLOOR, "roles alone/floor", null),
            new RatioDef(Variant.CONTRACT, Variant.ROLES, "contract/roles alone", TARGET_CONTRACT_VS_FLOOR),
            new RatioDef(Variant.STOCK, Variant.FLOOR, "stock/floor", null),
            new RatioDef(Variant.CONTRACT, Variant.STOCK, "contract/stock", null),
            new RatioDef(Variant.STOCK_CONTRACT, Variant.STOCK, "stock+contract/stock", TARGET_CONTRACT_VS_FLOOR));

    private final Map<String, Object> machine;
    private final TokenBench.Results load;
    private final List<ClaimsJmh.Row> jmh;
    private final List<CpuTimeMicro.Row> cpuMicro;
    private final ConformanceBench.Results conformance;

    public Report(Map<String, Object> machine, TokenBench.Results load, List<ClaimsJmh.Row> jmh,
                  List<CpuTimeMicro.Row> cpuMicro) {
        this(machine, load, jmh, cpuMicro, null);
    }

    public Report(Map<String, Object> machine, TokenBench.Results load, List<ClaimsJmh.Row> jmh,
                  List<CpuTimeMicro.Row> cpuMicro, ConformanceBench.Results conformance) {
        this.machine = machine;
        this.load = load;
        this.jmh = jmh;
        this.cpuMicro = cpuMicro;
        this.conformance = conformance;
    }

    public long errors() {
        if (load == null) {
            return 0;
        }
        long errors = 0;
        for (Map<Variant, Series> perVariant : load.series().values()) {
            for (Series s : perVariant.values()) {
                errors += s.errors + s.warmupErrors;
            }
        }
        return errors;
    }

    public void write(Path dir) throws Exception {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json());
        Files.writeString(dir.resolve("results.md"), markdown());
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Results ").append(machine.get("date")).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %s cores, %s GiB RAM, Java %s, Keycloak %s, %s; "
                        + "load average %s before the run, %s at its end (the run's own server and load generator count in the "
                        + "latter; a start value above the core count means other work shared the machine).%n%n",
                machine.get("cores"), machine.get("memoryGiB"), machine.get("java"), machine.get("keycloak"),
                machine.get("os"), machine.get("loadAverageStart"), machine.get("loadAverageEnd")));
        if (load != null) {
            TokenBench.Settings s = load.settings();
            md.append(String.format(Locale.ROOT, "Token endpoint: %d concurrent requests on loopback, %d s per client and grant "
                            + "per round, %d measured rounds after %d warm-up rounds, client order rotated per round; %.0f s in all.%n%n",
                    s.concurrency(), s.slot().toSeconds(), s.rounds(), s.warmupRounds(), load.seconds()));
            md.append("| grant | client | tokens/s, mean [95% CI] | p50 ms | p99 ms | server CPU us/token, mean [95% CI] | requests | errors | bytes/response |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Grant grant : Grant.values()) {
                for (Variant v : Variant.values()) {
                    Series series = load.series().get(grant).get(v);
                    long[] lat = series.sortedLatencies();
                    md.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %.2f | %.2f | %s | %d | %d | %d |%n",
                            grant.wire, v.letter, v.clientId, Stats.meanCi95(series.throughputPerRound).format(0),
                            Stats.percentile(lat, 50) / 1e6, Stats.percentile(lat, 99) / 1e6,
                            hasCpu(series) ? Stats.meanCi95(series.cpuMicrosPerRound).format(0) : "n/a", series.ok,
                            series.errors + series.warmupErrors, series.ok == 0 ? 0 : series.bytes / series.ok));
                }
            }
            md.append("\nRatios of throughput, per round (same round, same server), mean [95% CI, t-distribution over rounds]."
                    + " A target is met only when the whole interval clears it:\n\n");
            md.append("| grant |");
            RATIOS.forEach(r -> md.append(' ').append(r.label()).append(r.target() == null ? " |"
                    : String.format(Locale.ROOT, " | target >= %.2f |", r.target())));
            md.append("\n|---|");
            RATIOS.forEach(r -> md.append(r.target() == null ? "---|" : "---|---|"));
            md.append('\n');
            for (Grant grant : Grant.values()) {
                md.append("| ").append(grant.wire).append(" |");
                for (RatioDef r : RATIOS) {
                    Stats.Interval i = ratio(grant, r.numerator(), r.denominator());
                    md.append(' ').append(i.format(3)).append(" |");
                    if (r.target() != null) {
                        md.append(' ').append(verdict(i, r.target())).append(" |");
                    }
                }
                md.append('\n');
            }
            if (hasCpu(load.series().get(Grant.CLIENT_CREDENTIALS).get(Variant.FLOOR))) {
                md.append("\nServer CPU per token, ratio per round (lower = cheaper; 1/0.97 = 1.031 is the same 3% budget), "
                        + "mean [95% CI]:\n\n| grant |");
                RATIOS.forEach(r -> md.append(' ').append(r.label()).append(" |"));
                md.append("\n|---|");
                RATIOS.forEach(r -> md.append("---|"));
                md.append('\n');
                for (Grant grant : Grant.values()) {
                    md.append("| ").append(grant.wire).append(" |");
                    RATIOS.forEach(r -> md.append(' ').append(cpuRatio(grant, r.numerator(), r.denominator()).format(3))
                            .append(" |"));
                    md.append('\n');
                }
            }
            md.append("\nErrors (non-200 or I/O, warm-up included): ").append(errors()).append("\n\n");
        }
        if (jmh != null) {
            md.append("JMH, the mapper's pure claim computation for the 50-role user (1 fork per mode, 2x1 s warm-up, "
                    + "3x1 s measurement):\n\n");
            md.append("| benchmark | ns/op (average) | +- (99.9% CI) | median of sampled calls, ns |\n|---|---|---|---|\n");
            for (ClaimsJmh.Row row : jmh) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", row.name(), row.score(), row.error(),
                        row.sampleMedian()));
            }
            md.append('\n');
        }
        if (cpuMicro != null && !cpuMicro.isEmpty()) {
            md.append("The same operations timed with the thread's CPU clock (waiting for a core excluded), "
                    + "15 batches of about 50 ms after 1 s warm-up:\n\n");
            md.append("| operation | CPU ns/op, mean [95% CI] |\n|---|---|\n");
            for (CpuTimeMicro.Row row : cpuMicro) {
                md.append("| ").append(row.name()).append(" | ").append(row.cpuNanosPerOp().format(0)).append(" |\n");
            }
            md.append('\n');
        }
        if (conformance != null && !conformance.rows().isEmpty()) {
            md.append(String.format(Locale.ROOT, "Admin conformance report (GET .../mozaiks/contract/conformance), sequential, "
                            + "%d requests per realm and step after %d warm-ups, alternating with a control realm that keeps only "
                            + "the built-in clients; of the extra clients half carry the contract scope (Default), a quarter have a "
                            + "service account (the realm lists service-only roles, so the report looks each one up; a row marked \"no lookups\" "
                            + "is the largest realm again with that list removed); %.0f s in all, %.0f s of it importing clients:%n%n",
                    conformance.requests(), conformance.warmups(), conformance.seconds(), conformance.importSeconds()));
            md.append("| extra clients | clients in realm | client entries | service accounts | median ms | p95 ms "
                    + "| control median ms | median / median(0) | median / control | ms per 1000 extra clients (vs 0) "
                    + "| ms per 1000 extra clients (vs control) | response bytes |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (ConformanceBench.Row row : conformance.rows()) {
                md.append(String.format(Locale.ROOT, "| %d%s | %d | %d | %d | %.1f | %.1f | %.1f | %.2f | %.2f | %s | %s | %d |%n",
                        row.extraClients(), row.serviceAccountLookups() ? "" : ", no lookups", row.clientsInRealm(),
                        row.reportClientEntries(), row.serviceAccounts(),
                        row.medianMs(), row.p95Ms(), row.controlMedianMs(), conformance.ratioToBaseline(row),
                        conformance.ratioToControl(row), perThousand(conformance.msPer1000(row)),
                        perThousand(conformance.msPer1000VsControl(row)), row.bytes()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String perThousand(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.1f", ms);
    }

    public Stats.Interval ratio(Grant grant, Variant numerator, Variant denominator) {
        return Stats.meanCi95(Stats.ratios(load.series().get(grant).get(numerator).throughputPerRound,
                load.series().get(grant).get(denominator).throughputPerRound));
    }

    public Stats.Interval cpuRatio(Grant grant, Variant numerator, Variant denominator) {
        return Stats.meanCi95(Stats.ratios(load.series().get(grant).get(numerator).cpuMicrosPerRound,
                load.series().get(grant).get(denominator).cpuMicrosPerRound));
    }

    private static boolean hasCpu(Series series) {
        return java.util.Arrays.stream(series.cpuMicrosPerRound).noneMatch(Double::isNaN);
    }

    /** Honest about the interval: a mean above the target is not "met" unless the whole interval is. */
    static String verdict(Stats.Interval ratio, double target) {
        if (ratio.low() >= target) {
            return "met";
        }
        if (ratio.high() < target) {
            return "missed";
        }
        return ratio.mean() >= target ? "mean met, CI includes a miss" : "mean missed, CI includes target";
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        if (load != null) {
            Map<String, Object> l = new LinkedHashMap<>();
            TokenBench.Settings s = load.settings();
            l.put("settings", Map.of("rounds", s.rounds(), "warmupRounds", s.warmupRounds(),
                    "slotSeconds", s.slot().toSeconds(), "concurrency", s.concurrency()));
            l.put("seconds", load.seconds());
            l.put("tokenShapes", load.tokenShapes());
            Map<String, Object> grants = new LinkedHashMap<>();
            for (Grant grant : Grant.values()) {
                Map<String, Object> g = new LinkedHashMap<>();
                for (Variant v : Variant.values()) {
                    Series series = load.series().get(grant).get(v);
                    long[] lat = series.sortedLatencies();
                    Stats.Interval tput = Stats.meanCi95(series.throughputPerRound);
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("client", v.clientId);
                    c.put("description", v.description);
                    c.put("throughputPerRound", series.throughputPerRound);
                    c.put("throughput", interval(tput));
                    c.put("cpuMicrosPerTokenPerRound", series.cpuMicrosPerRound);
                    c.put("cpuMicrosPerToken", hasCpu(series) ? interval(Stats.meanCi95(series.cpuMicrosPerRound)) : null);
                    c.put("p50Ms", Stats.percentile(lat, 50) / 1e6);
                    c.put("p99Ms", Stats.percentile(lat, 99) / 1e6);
                    c.put("requests", series.ok);
                    c.put("errors", series.errors);
                    c.put("warmupErrors", series.warmupErrors);
                    c.put("firstError", series.firstError);
                    c.put("bytesPerResponse", series.ok == 0 ? 0 : series.bytes / series.ok);
                    g.put(v.letter, c);
                }
                Map<String, Object> ratios = new LinkedHashMap<>();
                boolean cpu = hasCpu(load.series().get(grant).get(Variant.FLOOR));
                for (RatioDef r : RATIOS) {
                    Stats.Interval i = ratio(grant, r.numerator(), r.denominator());
                    ratios.put(r.key(), r.target() == null ? interval(i) : withVerdict(interval(i), verdict(i, r.target()), r.target()));
                    if (cpu) {
                        ratios.put("cpu " + r.key(), interval(cpuRatio(grant, r.numerator(), r.denominator())));
                    }
                }
                g.put("ratios", ratios);
                grants.put(grant.wire, g);
            }
            l.put("grants", grants);
            l.put("errors", errors());
            root.put("tokenEndpoint", l);
        }
        if (jmh != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ClaimsJmh.Row row : jmh) {
                rows.add(Map.of("benchmark", row.name(), "score", row.score(), "error99_9", row.error(),
                        "sampleMedian", row.sampleMedian(), "unit", row.unit()));
            }
            root.put("jmh", rows);
        }
        if (cpuMicro != null) {
            Map<String, Object> rows = new LinkedHashMap<>();
            for (CpuTimeMicro.Row row : cpuMicro) {
                rows.put(row.name(), interval(row.cpuNanosPerOp()));
            }
            root.put("threadCpuNanosPerOp", rows);
        }
        if (conformance != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("warmups", conformance.warmups());
            c.put("requests", conformance.requests());
            c.put("seconds", conformance.seconds());
            c.put("importSeconds", conformance.importSeconds());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ConformanceBench.Row row : conformance.rows()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("extraClients", row.extraClients());
                r.put("clientsInRealm", row.clientsInRealm());
                r.put("reportClientEntries", row.reportClientEntries());
                r.put("serviceAccounts", row.serviceAccounts());
                r.put("serviceAccountLookups", row.serviceAccountLookups());
                r.put("medianMs", row.medianMs());
                r.put("p95Ms", row.p95Ms());
                r.put("controlMedianMs", row.controlMedianMs());
                r.put("ratioToBaseline", conformance.ratioToBaseline(row));
                r.put("ratioToControl", conformance.ratioToControl(row));
                r.put("msPer1000ExtraClients", Double.isNaN(conformance.msPer1000(row)) ? null : conformance.msPer1000(row));
                r.put("msPer1000ExtraClientsVsControl", Double.isNaN(conformance.msPer1000VsControl(row)) ? null
                        : conformance.msPer1000VsControl(row));
                r.put("latenciesMs", java.util.Arrays.stream(row.sortedNanos()).mapToDouble(n -> n / 1e6).toArray());
                r.put("controlLatenciesMs", java.util.Arrays.stream(row.controlSortedNanos()).mapToDouble(n -> n / 1e6).toArray());
                r.put("responseBytes", row.bytes());
                r.put("controlResponseBytes", row.controlBytes());
                rows.add(r);
            }
            c.put("steps", rows);
            root.put("conformanceReport", c);
        }
        return root;
    }

    private static Map<String, Object> interval(Stats.Interval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", i.mean());
        m.put("ci95Low", i.low());
        m.put("ci95High", i.high());
        m.put("n", i.n());
        return m;
    }

    private static Map<String, Object> withVerdict(Map<String, Object> interval, String verdict, double target) {
        interval.put("target", target);
        interval.put("verdict", verdict);
        return interval;
    }
}
