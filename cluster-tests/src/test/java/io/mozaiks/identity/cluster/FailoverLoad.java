package io.mozaiks.identity.cluster;

import io.mozaiks.identity.consumers.http.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A bounded client-credentials load over both nodes, with a minimal load balancer in front: round robin
 * over the nodes it believes alive; a request that cannot reach a node (connection refused or reset) marks
 * that node dead and is sent once more to the other node. The kill of node 1 happens mid-load, after
 * {@code killAfter} requests or {@code killAfterTime}, whichever comes first.
 *
 * <p>Bounded twice: at most {@code maxRequests} requests and at most {@code maxTime}; each request has a
 * 20 s timeout.
 */
final class FailoverLoad {

    /** One logical request as the client saw it. */
    record Outcome(int index, int servedBy, boolean rerouted, int status, String token, String error, boolean afterKill,
                   long latencyMillis) {
        boolean ok() {
            return status == 200 && token != null;
        }
    }

    private final List<String> tokenEndpoints;
    private final Map<String, String> form;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean node1Alive = new AtomicBoolean(true);
    private final AtomicBoolean killed = new AtomicBoolean(false);

    /**
     * @param tokenEndpoints the token endpoint of node 1 and of node 2
     * @param form           the client-credentials form
     */
    FailoverLoad(List<String> tokenEndpoints, Map<String, String> form) {
        this.tokenEndpoints = tokenEndpoints;
        this.form = form;
    }

    /**
     * Runs the load; {@code kill} is called once, from a worker, mid-load, and returns the killed JVM's pid.
     *
     * @return the outcomes in request order, and when the kill happened (seconds from the start)
     */
    Result run(int workers, int maxRequests, Duration maxTime, int killAfter, Duration killAfterTime, LongSupplier kill)
            throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        long killTime = start + killAfterTime.toNanos();
        double[] killAt = {-1};
        long[] pid = {0};
        Instant[] killInstant = {null};
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                while (System.nanoTime() < deadline) {
                    int index = next.getAndIncrement();
                    if (index >= maxRequests) {
                        return;
                    }
                    if ((index >= killAfter || System.nanoTime() >= killTime) && killed.compareAndSet(false, true)) {
                        killAt[0] = (System.nanoTime() - start) / 1e9;
                        killInstant[0] = Instant.now();
                        pid[0] = kill.getAsLong();
                        System.out.printf("[cluster] kill -9 of node 1's JVM (pid %d) at %.1f s, after %d requests%n",
                                pid[0], killAt[0], index);
                    }
                    outcomes.add(request(index));
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(maxTime.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("the failover load did not end within its bound of " + maxTime);
        }
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new Result(sorted, killAt[0], killInstant[0], pid[0], (System.nanoTime() - start) / 1e9);
    }

    record Result(List<Outcome> outcomes, double killAtSeconds, Instant killedAt, long killedPid,
                  double durationSeconds) {
    }

    private Outcome request(int index) {
        boolean afterKill = killed.get();
        long started = System.nanoTime();
        int node = (index % 2 == 0 && node1Alive.get()) ? 1 : 2;
        Attempt first = attempt(node);
        if (first.unreachable && node == 1) {
            node1Alive.set(false);
            Attempt second = attempt(2);
            return outcome(index, 2, true, second, afterKill, started);
        }
        return outcome(index, node, false, first, afterKill, started);
    }

    private static Outcome outcome(int index, int node, boolean rerouted, Attempt attempt, boolean afterKill, long started) {
        String token = null;
        if (attempt.status == 200) {
            try {
                token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(attempt.body).path("access_token").asText(null);
            } catch (IOException e) {
                token = null;
            }
        }
        String error = attempt.status == 200 && token != null ? null
                : "node " + node + ": " + (attempt.error != null ? attempt.error : "HTTP " + attempt.status + " " + abbreviate(attempt.body));
        return new Outcome(index, node, rerouted, attempt.status, token, error, afterKill,
                (System.nanoTime() - started) / 1_000_000);
    }

    private record Attempt(int status, String body, String error, boolean unreachable) {
    }

    private Attempt attempt(int node) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoints.get(node - 1)))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(response.statusCode(), response.body(), null, false);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Attempt(0, "", "timeout after 20 s", false);
        } catch (IOException e) {
            // Refused, reset, or closed mid-response: the node is gone.
            return new Attempt(0, "", e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "", "interrupted", false);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
