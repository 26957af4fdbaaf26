package io.mozaiks.identity.bench;

import io.mozaiks.identity.testkit.server.ServerUnderTest;
import io.mozaiks.identity.testkit.server.TestServer;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one benchmark command (docs/benchmarks.md): JMH of the claim computation, then the real Keycloak
 * with the freshly built provider (the integration tests' harness), the benchmark realm, and the
 * token-endpoint load, then the cost of the admin conformance report as the realm grows. Prints the results and writes them to {@code bench.results.dir}.
 * Exit code 0 = done without errors; 1 = a request failed (the ratios would be meaningless); 2 = set-up failed.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run());
        } catch (Exception e) {
            System.err.println("[bench] set-up failed: " + e);
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static int run() throws Exception {
        Path results = Paths.get(System.getProperty("bench.results.dir", "target/results"));
        Map<String, Object> machine = machine();

        List<ClaimsJmh.Row> jmh = null;
        List<CpuTimeMicro.Row> cpuMicro = null;
        if (Boolean.parseBoolean(System.getProperty("bench.jmh", "true"))) {
            System.out.println("[bench] JMH: the contract's claim computation for the 50-role user");
            jmh = ClaimsJmh.run(java.nio.file.Files.createDirectories(results));
            System.out.println("[bench] the same operations timed with the thread's CPU clock");
            cpuMicro = CpuTimeMicro.run();
        }

        TokenBench.Results load = null;
        if (Boolean.parseBoolean(System.getProperty("bench.load", "true"))) {
            ServerUnderTest server = TestServer.get();
            BenchRealm.create(server.baseUrl());
            System.out.println("[bench] realm " + BenchData.REALM + " ready: clients a=bench-floor, b=bench-contract,"
                    + " c=bench-builtin, r=bench-roles, s=bench-resolve, t=bench-stock, u=bench-stock-contract");
            TokenBench.Settings settings = new TokenBench.Settings(
                    Integer.getInteger("bench.rounds", 12),
                    Integer.getInteger("bench.warmup.rounds", 7),
                    Duration.ofSeconds(Integer.getInteger("bench.slot.seconds", 2)),
                    Integer.getInteger("bench.concurrency", 4),
                    1_000_000);
            load = new TokenBench(server.baseUrl(), settings).run();
        }

        int curveErrors = 0;
        if (Boolean.parseBoolean(System.getProperty("bench.curve", "true"))) {
            List<Integer> sizes = java.util.Arrays.stream(System.getProperty("bench.curve.sizes", "10,50,200,1000")
                    .split(",")).map(String::trim).map(Integer::valueOf).toList();
            ServerUnderTest server = TestServer.get();
            if (load == null) {
                BenchRealm.create(server.baseUrl());
            }
            System.out.println("[bench] role curve at " + sizes + " roles: contract vs. stock roles scope");
            List<RoleCurve.Row> rows = new RoleCurve(server.baseUrl(), Integer.getInteger("bench.curve.requests", 200)).run(sizes);
            curveErrors = RoleCurve.errors(rows);
            System.out.println(RoleCurve.markdown(rows, results));
        }

        ConformanceBench.Results conformance = null;
        if (Boolean.parseBoolean(System.getProperty("bench.conformance", "true"))) {
            List<Integer> sizes = java.util.Arrays.stream(System.getProperty("bench.conformance.sizes", "0,1000,3000")
                    .split(",")).map(String::trim).map(Integer::valueOf).toList();
            System.out.println("[bench] conformance report cost at " + sizes + " extra clients");
            conformance = new ConformanceBench(TestServer.get().baseUrl(),
                    Integer.getInteger("bench.conformance.warmups", 3),
                    Integer.getInteger("bench.conformance.requests", 15)).run(sizes,
                    Boolean.parseBoolean(System.getProperty("bench.conformance.nolookups", "true")));
        }

        if (Boolean.parseBoolean(System.getProperty("bench.email", "true"))) {
            List<Integer> sizes = java.util.Arrays.stream(System.getProperty("bench.email.sizes", "0,10000,50000")
                    .split(",")).map(String::trim).map(Integer::valueOf).toList();
            System.out.println("[bench] email-name rule (issue 31) at " + sizes + " extra users");
            List<EmailNameBench.Row> rows = new EmailNameBench(TestServer.get().baseUrl(),
                    Integer.getInteger("bench.email.rounds", 8), Integer.getInteger("bench.email.warmup.rounds", 3),
                    Duration.ofSeconds(Integer.getInteger("bench.slot.seconds", 2)),
                    Integer.getInteger("bench.concurrency", 4)).run(sizes);
            System.out.println(EmailNameBench.markdown(rows, results));
        }

        machine.put("loadAverageEnd", loadAverage());
        Report report = new Report(machine, load, jmh, cpuMicro, conformance);
        report.write(results);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("[bench] written to " + results.resolve("results.md") + " and results.json");
        if (curveErrors > 0) {
            System.err.println("[bench] " + curveErrors + " role-curve requests failed");
            return 1;
        }
        if (report.errors() > 0) {
            System.err.println("[bench] " + report.errors() + " token requests failed; see firstError in results.json");
            return 1;
        }
        return 0;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("memoryGiB", Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        m.put("keycloak", System.getProperty("keycloak.version", "?"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("loadAverageStart", loadAverage());
        return m;
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", load);
    }
}
