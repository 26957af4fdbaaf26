package io.mozaiks.identity.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: a fixed number of platform threads, each sending the same request
 * back to back until the slot's deadline or the request cap. Bounded in time, count and concurrency.
 */
public final class LoadGenerator implements AutoCloseable {

    /** One slot's outcome. Latencies in nanoseconds, ascending; throughput counts HTTP 200 only. */
    public record Slot(long ok, long errors, long elapsedNanos, long[] latencies, long bytes, String firstError) {
        public double throughput() {
            return elapsedNanos == 0 ? 0 : ok * 1e9 / elapsedNanos;
        }
    }

    private final HttpClient http;
    private final int concurrency;
    private final long maxRequestsPerSlot;
    private final ExecutorService workers;

    public LoadGenerator(int concurrency, long maxRequestsPerSlot) {
        this.concurrency = concurrency;
        this.maxRequestsPerSlot = maxRequestsPerSlot;
        // HTTP/1.1 keep-alive: one connection per worker in steady state, no h2c upgrade dance.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bench-load");
            t.setDaemon(true);
            return t;
        });
    }

    public HttpClient http() {
        return http;
    }

    public Slot run(HttpRequest request, Duration duration) throws Exception {
        AtomicLong issued = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        long[] startHolder = new long[1];
        List<Future<Worker>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(workers.submit(() -> {
                Worker w = new Worker();
                ready.countDown();
                go.await();
                long deadline = startHolder[0] + duration.toNanos();
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequestsPerSlot) {
                    w.send(http, request);
                }
                return w;
            }));
        }
        ready.await();
        startHolder[0] = System.nanoTime();
        go.countDown();

        long ok = 0;
        long errors = 0;
        long bytes = 0;
        long end = startHolder[0];
        String firstError = null;
        List<long[]> all = new ArrayList<>();
        for (Future<Worker> f : futures) {
            Worker w = f.get();
            ok += w.ok;
            errors += w.errors;
            bytes += w.bytes;
            end = Math.max(end, w.lastEnd);
            if (firstError == null) {
                firstError = w.firstError;
            }
            all.add(Arrays.copyOf(w.latencies, w.count));
        }
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Slot(ok, errors, end - startHolder[0], latencies, bytes, firstError);
    }

    private static final class Worker {
        long ok;
        long errors;
        long bytes;
        long lastEnd;
        String firstError;
        long[] latencies = new long[4096];
        int count;

        void send(HttpClient http, HttpRequest request) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long t1 = System.nanoTime();
                record(t1 - t0);
                lastEnd = t1;
                if (response.statusCode() == 200) {
                    ok++;
                    bytes += response.body().length;
                } else {
                    error("HTTP " + response.statusCode() + ": " + new String(response.body(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                lastEnd = System.nanoTime();
                error(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error("interrupted");
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private void error(String message) {
            errors++;
            if (firstError == null) {
                firstError = message.length() > 300 ? message.substring(0, 300) : message;
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
