package io.mozaiks.identity.bench;

import io.mozaiks.identity.bench.jmh.ContractClaimsBenchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JMH operations once more, timed with this thread's CPU clock instead of the wall clock: on a
 * machine shared with other builds, JMH's averages include the time the benchmark thread waited for a
 * core; thread CPU time does not. Batches of calls after a warm-up; mean and 95% CI over batches.
 * A cross-check for JMH, not a replacement (no forks, no dead-code guard beyond a sink).
 */
final class CpuTimeMicro {

    record Row(String name, Stats.Interval cpuNanosPerOp) {
    }

    private static final int BATCHES = 15;
    private static volatile Object sink;

    private CpuTimeMicro() {
    }

    static List<Row> run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return List.of();
        }
        ContractClaimsBenchmark b = new ContractClaimsBenchmark();
        b.setUp();
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("settingsParse", b::settingsParse);
        ops.put("settingsCached", b::settingsCached);
        ops.put("privilegesCached", b::privilegesCached);
        ops.put("rolesClaimUser", b::rolesClaimUser);
        ops.put("scopeClaimUser", b::scopeClaimUser);
        ops.put("amrPassword", b::amrPassword);
        ops.put("perUserToken (settingsCached+privilegesCached+roles+scope+amr)", () -> {
            Object[] all = {b.settingsCached(), b.privilegesCached(), b.rolesClaimUser(), b.scopeClaimUser(), b.amrPassword()};
            return all;
        });
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
            Supplier<Object> f = op.getValue();
            int calls = calibrate(f, threads);
            long warmupEnd = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < warmupEnd) {
                for (int i = 0; i < calls; i++) {
                    sink = f.get();
                }
            }
            double[] perOp = new double[BATCHES];
            for (int batch = 0; batch < BATCHES; batch++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink = f.get();
                }
                perOp[batch] = (double) (threads.getCurrentThreadCpuTime() - t0) / calls;
            }
            rows.add(new Row(op.getKey(), Stats.meanCi95(perOp)));
        }
        return rows;
    }

    /** Enough calls for about 50 ms of CPU per batch (the CPU clock ticks coarsely on some systems). */
    private static int calibrate(Supplier<Object> f, ThreadMXBean threads) {
        int calls = 1000;
        while (true) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                sink = f.get();
            }
            long spent = threads.getCurrentThreadCpuTime() - t0;
            if (spent >= 50_000_000L || calls >= 50_000_000) {
                return calls;
            }
            calls *= spent < 5_000_000L ? 10 : 2;
        }
    }
}
