package io.mozaiks.identity.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one cluster run: printed, and written to {@code target/cluster-figures.json}. */
final class Figures {

    /** Seconds spent starting the pieces. */
    static final class Startup {
        public double postgresSeconds;
        public double buildSeconds;
        public List<Double> nodeSeconds = new ArrayList<>();
        public double totalSeconds;
    }

    /** The bounded token load during which node 1 is killed. */
    static final class Failover {
        public int maxRequests;
        public long maxSeconds;
        public int workers;
        public int requests;
        public int requestsBeforeKill;
        public int requestsAfterKill;
        public int servedByNode1;
        public int servedByNode2;
        /** Requests that hit the dead node 1 (connection refused/reset) and were re-sent to node 2, as a load balancer does. */
        public int reroutedToNode2;
        /** Requests that failed for the client: no token after the one retry. */
        public int failures;
        public int failuresAfterKill;
        public int node2TokensAfterKill;
        public int node2TokensAfterKillContractValid;
        public long killedJvmPid;
        public double killAtSeconds;
        public double durationSeconds;
        public long node2MaxLatencyMsAfterKill;
        /** Seconds from the kill until node 2 logged a cluster view without node 1 (JGroups failure detection). */
        public double node2ViewWithoutNode1AfterSeconds = -1;
        public List<String> failureSamples = new ArrayList<>();
        /** Sessions opened on node 1 before the kill and refreshed on node 2 after it. */
        public int sessionsOpenedOnNode1;
        public int refreshesSurvived;
    }

    final Startup startup;
    final Failover failover = new Failover();
    final Map<String, Object> checks = new LinkedHashMap<>();

    Figures(Startup startup) {
        this.startup = startup;
    }

    void write(Path file, String keycloakVersion, String postgresVersion) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_at", Instant.now().toString());
        json.put("keycloak_version", keycloakVersion);
        json.put("postgresql_major", postgresVersion);
        json.put("startup", startup);
        json.put("checks", checks);
        json.put("failover", failover);
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String summary() {
        Failover f = failover;
        return String.format("[cluster] failover: %d token requests in %.1f s (%d before / %d after the kill -9 of node 1 at %.1f s),"
                        + " served by node 1: %d, node 2: %d, re-routed after the kill: %d, failures: %d (during failover: %d),"
                        + " node 2 tokens after the kill: %d (contract-valid: %d), node 2 max latency after the kill: %d ms,"
                        + " node 2 dropped node 1 from its cluster view %.1f s after the kill;"
                        + " sessions opened on node 1: %d, refreshed on node 2 after the kill: %d",
                f.requests, f.durationSeconds, f.requestsBeforeKill, f.requestsAfterKill, f.killAtSeconds, f.servedByNode1,
                f.servedByNode2, f.reroutedToNode2, f.failures, f.failuresAfterKill, f.node2TokensAfterKill,
                f.node2TokensAfterKillContractValid, f.node2MaxLatencyMsAfterKill, f.node2ViewWithoutNode1AfterSeconds,
                f.sessionsOpenedOnNode1, f.refreshesSurvived);
    }
}
