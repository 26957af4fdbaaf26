package io.mozaiks.identity.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.contractenv.WellKnown;
import io.mozaiks.identity.testkit.contract.ContractGuard;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Paths;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider on a two-node production cluster ({@link Cluster}): it holds no state of its own, so every
 * node issues the same contract, a session opened on one node lives on the other, and the loss of a node
 * (kill -9 under load) costs no contract-valid token and no session. Figures: stdout and
 * {@code target/cluster-figures.json}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String API = "mozaiks-api";
    private static final String SHELL = "mozaiks-shell";
    private static final String SHELL_REDIRECT = "http://localhost:3000/callback";
    private static final String CORE = "mozaiks-core";
    private static final String PLATFORM = "mozaiks-platform";
    /** Claims that differ per token by nature; everything else must be identical across nodes. */
    private static final Set<String> PER_TOKEN = Set.of("exp", "iat", "jti", "nbf");

    // Bounds of the failover load: it runs in every build.
    private static final int WORKERS = 4;
    private static final int MAX_REQUESTS = 2000;
    private static final Duration MAX_TIME = Duration.ofSeconds(30);
    private static final int KILL_AFTER = 200;
    private static final Duration KILL_AFTER_TIME = Duration.ofSeconds(6);
    private static final int SESSIONS = 4;

    private static Cluster cluster;
    private static Figures figures;
    private static ContractGuard guard;
    private static PythonCoreConsumer core;
    private static DotnetPlatformConsumer platform;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Set by .ci/run: there a missing PostgreSQL fails the build instead of skipping the test. */
    static final String REQUIRED_PROPERTY = "mozaiks.cluster.required";

    @BeforeAll
    static void startCluster() {
        skipWithoutPostgresUnlessRequired();
        cluster = Cluster.start();
        figures = new Figures(cluster.startup);
        guard = new ContractGuard(Paths.get(Cluster.required("mozaiks.contracts.dir")));
        // The consumers fetch keys from node 2 (inside a deployment: the internal address), the issuer stays public.
        String jwks = WellKnown.jwksUrl(cluster.baseUrl(2) + "/realms/" + Cluster.REALM);
        core = PythonCoreConsumer.fromEnv(keysOnNode2(ConsumerProfile.CORE, jwks));
        platform = DotnetPlatformConsumer.fromEnv(keysOnNode2(ConsumerProfile.PLATFORM, jwks));
    }

    private static Map<String, String> keysOnNode2(ConsumerProfile consumer, String jwks) {
        return consumer.withKeysAt(consumer.document(cluster.issuer()), cluster.issuer(), jwks);
    }

    /** A developer's machine with only a JDK runs every other test; CI installs PostgreSQL and requires this one. */
    private static void skipWithoutPostgresUnlessRequired() {
        try {
            PostgresServer.findBin();
        } catch (IllegalStateException missing) {
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                throw missing;
            }
            System.out.println("[cluster] SKIPPED: " + missing.getMessage());
            Assumptions.abort(missing.getMessage());
        }
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (figures != null && cluster != null) {
                figures.write(Paths.get(Cluster.required("mozaiks.cluster.figures")),
                        System.getProperty("keycloak.version", "?"), cluster.database.version());
                System.out.println(figures.summary());
                System.out.println("[cluster] figures written to " + System.getProperty("mozaiks.cluster.figures"));
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void sessionFromNode1IsRefreshedIntrospectedAndLoggedOutOnNode2() throws Exception {
        Reply login = new CodeFlowLogin(cluster.baseUrl(1), Cluster.REALM, SHELL, SHELL_REDIRECT)
                .login("dev-admin", "dev-admin").expect(200);
        String sid = claims(login.field("access_token")).getStringClaim("sid");

        TokenClient node2 = tokens(2);
        Reply refreshed = node2.refresh(SHELL, null, login.field("refresh_token")).expect(200);
        String access = refreshed.field("access_token");
        JWTClaimsSet claims = claims(access);
        assertThat(claims.getStringClaim("sid")).as("node 2 refreshed node 1's session").isEqualTo(sid);
        assertUserTokenKeepsTheContract(access);

        String apiSecret = admin(2).clientSecret(API);
        JsonNode introspection = node2.introspect(API, apiSecret, access).expect(200).json();
        assertThat(introspection.get("active").asBoolean()).isTrue();
        assertThat(introspection.get("aud").toString()).contains(API);
        assertThat(introspection.get("roles").toString()).isEqualTo(JSON.writeValueAsString(claims.getClaim("roles")));
        assertThat(introspection.get("tid").asText()).isEqualTo(claims.getStringClaim("tid"));

        node2.logout(SHELL, null, refreshed.field("refresh_token")).expect(204);
        // Node 1 sees the logout: the session is gone cluster-wide.
        assertThat(tokens(1).refresh(SHELL, null, login.field("refresh_token")).status()).isEqualTo(400);
        assertThat(tokens(1).introspect(API, apiSecret, access).expect(200).json().get("active").asBoolean()).isFalse();
        figures.checks.put("session_node1_refresh_introspect_logout_node2", "passed");
    }

    @Test
    @Order(2)
    void serviceTokensFromBothNodesCarryTheSameContract() throws Exception {
        assertThat(admin(1).clientSecret(CORE)).isEqualTo(admin(2).clientSecret(CORE));
        for (String client : List.of(CORE, PLATFORM)) {
            String secret = admin(1).clientSecret(client);
            String fromNode1 = tokens(1).clientCredentials(client, secret).expect(200).field("access_token");
            String fromNode2 = tokens(2).clientCredentials(client, secret).expect(200).field("access_token");

            assertThat(contractContent(fromNode2)).as(client + " token of node 2 vs node 1").isEqualTo(contractContent(fromNode1));
            assertThat(SignedJWT.parse(fromNode2).getHeader().toJSONObject())
                    .isEqualTo(SignedJWT.parse(fromNode1).getHeader().toJSONObject());
            for (String token : List.of(fromNode1, fromNode2)) {
                assertServiceTokenKeepsTheContract(token, client);
            }
        }
        figures.checks.put("service_tokens_identical_contract_on_both_nodes", "passed");
    }

    @Test
    @Order(3)
    void contractEndpointAnswersTheSameOnBothNodes() {
        for (String path : List.of("", "/env/core", "/env/platform")) {
            Reply node1 = Http.get(cluster.baseUrl(1) + "/realms/" + Cluster.REALM + "/mozaiks/contract" + path).expect(200);
            Reply node2 = Http.get(cluster.baseUrl(2) + "/realms/" + Cluster.REALM + "/mozaiks/contract" + path).expect(200);
            assertThat(node2.body()).as("contract" + path + " on node 2 vs node 1").isEqualTo(node1.body());
        }
        assertThat(Http.get(cluster.baseUrl(2) + "/realms/" + Cluster.REALM + "/mozaiks/contract").json().get("issuer").asText())
                .isEqualTo(cluster.issuer());
        figures.checks.put("contract_endpoint_identical_on_both_nodes", "passed");
    }

    @Test
    @Order(4)
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void node2KeepsIssuingContractValidTokensAndSessionsWhenNode1IsKilledUnderLoad() throws Exception {
        Figures.Failover f = figures.failover;
        // Sessions opened on node 1, to be refreshed on node 2 once node 1 is dead.
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            refreshTokens.add(new CodeFlowLogin(cluster.baseUrl(1), Cluster.REALM, SHELL, SHELL_REDIRECT)
                    .login(i % 2 == 0 ? "dev-admin" : "dev-user", i % 2 == 0 ? "dev-admin" : "dev-user")
                    .expect(200).field("refresh_token"));
        }
        f.sessionsOpenedOnNode1 = refreshTokens.size();

        String secret = admin(2).clientSecret(CORE);
        FailoverLoad load = new FailoverLoad(List.of(tokens(1).tokenEndpoint(), tokens(2).tokenEndpoint()),
                Map.of("grant_type", "client_credentials", "client_id", CORE, "client_secret", secret));
        f.workers = WORKERS;
        f.maxRequests = MAX_REQUESTS;
        f.maxSeconds = MAX_TIME.toSeconds();
        FailoverLoad.Result result = load.run(WORKERS, MAX_REQUESTS, MAX_TIME, KILL_AFTER, KILL_AFTER_TIME,
                () -> cluster.node(1).killJvm());

        List<FailoverLoad.Outcome> outcomes = result.outcomes();
        f.requests = outcomes.size();
        f.killAtSeconds = result.killAtSeconds();
        f.killedJvmPid = result.killedPid();
        f.durationSeconds = result.durationSeconds();
        for (FailoverLoad.Outcome o : outcomes) {
            if (o.afterKill()) {
                f.requestsAfterKill++;
            } else {
                f.requestsBeforeKill++;
            }
            if (o.rerouted()) {
                f.reroutedToNode2++;
            }
            if (!o.ok()) {
                f.failures++;
                if (o.afterKill()) {
                    f.failuresAfterKill++;
                }
                if (f.failureSamples.size() < 5) {
                    f.failureSamples.add(o.error());
                }
                continue;
            }
            if (o.servedBy() == 1) {
                f.servedByNode1++;
            } else {
                f.servedByNode2++;
            }
            if (o.afterKill() && o.servedBy() == 2) {
                f.node2TokensAfterKill++;
                f.node2MaxLatencyMsAfterKill = Math.max(f.node2MaxLatencyMsAfterKill, o.latencyMillis());
                assertServiceTokenKeepsTheContract(o.token(), CORE);
                f.node2TokensAfterKillContractValid++;
            }
        }

        // Node 2 noticed the loss (JGroups failure detection) while it kept serving.
        Instant viewOfOne = Cluster.lastViewTime(cluster.log(2), 1);
        if (viewOfOne != null && result.killedAt() != null) {
            f.node2ViewWithoutNode1AfterSeconds = Duration.between(result.killedAt(), viewOfOne).toMillis() / 1000.0;
        }

        // Node 1's sessions, refreshed on the surviving node.
        for (String refreshToken : refreshTokens) {
            Reply refreshed = tokens(2).refresh(SHELL, null, refreshToken);
            if (refreshed.status() == 200) {
                assertUserTokenKeepsTheContract(refreshed.field("access_token"));
                f.refreshesSurvived++;
            } else if (f.failureSamples.size() < 10) {
                f.failureSamples.add("refresh on node 2: HTTP " + refreshed.status() + " " + refreshed.body());
            }
        }
        assertThat(f.killedJvmPid).as("node 1 was killed during the load").isPositive();
        assertThat(cluster.node(1).isAlive()).as("node 1's launcher ended with its JVM").isFalse();
        assertThat(f.requestsAfterKill).as("requests after the kill").isPositive();
        assertThat(f.node2TokensAfterKill).as("node 2 kept issuing tokens after the kill").isPositive();
        assertThat(f.failures).as("client-visible failures; samples: " + f.failureSamples).isZero();
        assertThat(f.refreshesSurvived).as("node 1's sessions refreshed on node 2; " + f.failureSamples)
                .isEqualTo(f.sessionsOpenedOnNode1);
        figures.checks.put("failover_kill_node1_under_load", "passed");
    }

    private static void assertServiceTokenKeepsTheContract(String token, String client) throws Rejected {
        guard.check(ContractGuard.SERVICE_SCHEMA_1_1, "service access token", token);
        Principal dotnet = platform.internalBearer(token);
        assertThat(dotnet.clientId()).isEqualTo(client);
        assertThat(dotnet.roles()).containsExactly("internal_service");
        assertThat(core.internal(token, true).clientId()).isEqualTo(client);
    }

    private static void assertUserTokenKeepsTheContract(String token) throws Rejected {
        guard.check(ContractGuard.USER_SCHEMA_1_1, "user access token", token);
        assertThat(core.user(token).userId()).isNotBlank();
        platform.bearer(token);
    }

    /** A token's claims without the ones that differ per token by nature ({@code exp}, {@code iat}, {@code jti}). */
    private static Map<String, Object> contractContent(String token) throws ParseException {
        Map<String, Object> content = new HashMap<>(claims(token).getClaims());
        content.keySet().removeAll(PER_TOKEN);
        return content;
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static TokenClient tokens(int node) {
        return new TokenClient(cluster.baseUrl(node), Cluster.REALM);
    }

    private static AdminApi admin(int node) {
        return new AdminApi(cluster.baseUrl(node), Cluster.REALM);
    }
}
