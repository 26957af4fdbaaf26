package io.mozaiks.identity.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files under {@code docker/} as users run them, with the real {@code docker compose} CLI: the dev
 * stack from the host and from inside its network, the database volume's life cycle, the realm-only stack,
 * and the {@code cluster} profile. One project named for this run, on free ports, removed with
 * {@code down -v} at the end whatever happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {

    private static final String REALM = "mozaiks";
    private static final String SHELL = "mozaiks-shell";
    private static final String SHELL_REDIRECT = "http://localhost:3000/callback";
    private static final String CORE = "mozaiks-core";
    private static final String PLATFORM = "mozaiks-platform";
    private static final String MARKER_USER = "compose-it-volume-marker";
    private static final List<String> DEV_STACK = List.of(ComposeProject.BASE, ComposeProject.DEV);
    private static final List<String> REALM_ONLY = List.of(ComposeProject.BASE);
    /** The in-network address every compose service uses for Keycloak. */
    private static final String IN_NETWORK = "http://keycloak:8080";

    private static ComposeProject project;
    private static String baseUrl;
    private static String issuer;
    private static String clusterNode1;
    private static String clusterNode2;

    @BeforeAll
    static void createProject() {
        Path dockerDir = Paths.get(BuildProperties.required("mozaiks.docker.dir")).toAbsolutePath().normalize();
        DockerCli.skipOrFailWithoutEngine(dockerDir, "compose test");
        Path jar = Paths.get(BuildProperties.required("mozaiks.provider.jar"));
        assertThat(jar).as("the provider jar docker-compose.yml mounts (built by the reactor)").isRegularFile();

        int port = FreePorts.pick();
        int node1 = FreePorts.pick();
        baseUrl = "http://localhost:" + port;
        issuer = baseUrl + "/realms/" + REALM;
        clusterNode1 = "http://localhost:" + node1;
        clusterNode2 = "http://localhost:" + FreePorts.pick();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("KEYCLOAK_PUBLIC_URL", baseUrl);
        variables.put("KEYCLOAK_PORT", String.valueOf(port));
        variables.put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(FreePorts.pick()));
        variables.put("KEYCLOAK_CLUSTER_PUBLIC_URL", clusterNode1);
        variables.put("KEYCLOAK_CLUSTER_PORT_1", String.valueOf(node1));
        variables.put("KEYCLOAK_CLUSTER_PORT_2", clusterNode2.substring(clusterNode2.lastIndexOf(':') + 1));
        String name = "mozaiks-it-" + ProcessHandle.current().pid();
        project = new ComposeProject(dockerDir, name, Paths.get(BuildProperties.required("mozaiks.work.dir")).resolve(name + ".env"), variables, DEV_STACK);
        System.out.println("[compose] project " + name + ": " + variables);
    }

    @AfterAll
    static void removeEverything() {
        if (project != null) {
            DockerCli.Result removed = project.removeAll();
            System.out.println("[compose] down -v: exit " + removed.exitCode());
            assertThat(project.volumes()).as("volumes left after down -v").isEmpty();
        }
    }

    @Test
    @Order(1)
    void devStackComesUpHealthy() {
        long started = System.nanoTime();
        project.up(DEV_STACK);
        System.out.printf("[compose] dev stack healthy in %.0f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(project.health(DEV_STACK)).containsEntry("keycloak", "healthy").containsEntry("postgres", "healthy");
    }

    @Test
    @Order(2)
    void fromTheHostTokensPassEveryConsumer() throws Exception {
        JsonNode discovery = Http.get(issuer + "/.well-known/openid-configuration").expect(200).json();
        assertThat(discovery.get("issuer").asText()).isEqualTo(issuer);
        JsonNode contract = Http.get(issuer + "/mozaiks/contract").expect(200).json();
        assertThat(contract.get("issuer").asText()).isEqualTo(issuer);
        assertThat(contract.get("contract_version").asText()).isEqualTo("1.2");

        String user = new CodeFlowLogin(baseUrl, REALM, SHELL, SHELL_REDIRECT).login("dev-user", "dev-user")
                .expect(200).field("access_token");
        ConsumerChecks.userTokenPassesEveryConsumer(user, issuer, ContractEnv.jwksUrl(issuer));

        AdminApi admin = new AdminApi(baseUrl, REALM);
        for (String client : List.of(CORE, PLATFORM)) {
            String token = new TokenClient(baseUrl, REALM).clientCredentials(client, admin.clientSecret(client))
                    .expect(200).field("access_token");
            ConsumerChecks.serviceTokenPassesEveryConsumer(token, client, issuer, ContractEnv.jwksUrl(issuer));
        }
        // For the volume step: a user that only the database can remember.
        admin.post("/users", Map.of("username", MARKER_USER, "enabled", true)).expect(201);
    }

    @Test
    @Order(3)
    void insideTheNetworkKeysAndTokensComeFromKeycloak8080AndTheIssuerStaysPublic() throws Exception {
        String secret = new AdminApi(baseUrl, REALM).clientSecret(CORE);
        Map<String, Reply> fetched = probeInNetwork(CORE, secret);

        JsonNode discovery = fetched.get("discovery").expect(200).json();
        assertThat(discovery.get("issuer").asText()).as("issuer seen inside the network").isEqualTo(issuer);
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo(IN_NETWORK + "/realms/" + REALM + "/protocol/openid-connect/certs");
        assertThat(discovery.get("token_endpoint").asText()).startsWith(IN_NETWORK + "/");

        JWKSet inNetworkKeys = JWKSet.parse(fetched.get("jwks").expect(200).body());
        String token = fetched.get("token").expect(200).field("access_token");
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) inNetworkKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid in the in-network JWKS").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature against the in-network JWKS").isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer);
        // Same keys as the public JWKS: the consumers' rules below fetch them from the host side.
        assertThat(inNetworkKeys.toPublicJWKSet().toJSONObject())
                .isEqualTo(JWKSet.load(java.net.URI.create(ContractEnv.jwksUrl(issuer)).toURL()).toPublicJWKSet().toJSONObject());
        ConsumerChecks.serviceTokenPassesEveryConsumer(token, CORE, issuer, ContractEnv.jwksUrl(issuer));

        // docker-compose.yml's x-mozaiks-*-env blocks are what the endpoint answers inside the network.
        JsonNode config = project.config(DEV_STACK);
        for (String consumer : List.of("core", "platform", "plugin-host")) {
            Map<String, String> documented = new LinkedHashMap<>();
            config.get("x-mozaiks-" + consumer + "-env").fields().forEachRemaining(e -> documented.put(e.getKey(), e.getValue().asText()));
            assertThat(documented).as("x-mozaiks-" + consumer + "-env vs /env/" + consumer + "?backchannel=true in the network")
                    .isEqualTo(EnvFile.parse(fetched.get("env-" + consumer).expect(200).body()));
        }
        // The browser shell's block is what /env/shell answers for the dev origin (browser-facing, no back channel).
        Map<String, String> shell = new LinkedHashMap<>();
        config.get("x-mozaiks-shell-env").fields().forEachRemaining(e -> shell.put(e.getKey(), e.getValue().asText()));
        assertThat(shell).as("x-mozaiks-shell-env vs /env/shell")
                .isEqualTo(EnvFile.parse(Http.get(issuer + "/mozaiks/contract/env/shell")
                        .expect(200).body()));
    }

    @Test
    @Order(4)
    void theDatabaseVolumeKeepsDataUntilDownMinusV() {
        project.down(DEV_STACK);
        project.up(DEV_STACK);
        assertThat(new AdminApi(baseUrl, REALM).get("/users?exact=true&username=" + MARKER_USER).expect(200).json())
                .as("user created before down, after up").hasSize(1);

        project.removeAll();
        assertThat(project.volumes()).as("volumes after down -v").isEmpty();

        project.up(REALM_ONLY);
        assertThat(project.health(REALM_ONLY)).containsEntry("keycloak", "healthy");
        assertThat(Http.get(issuer + "/mozaiks/contract").expect(200).json().get("issuer").asText()).isEqualTo(issuer);
        assertThat(new AdminApi(baseUrl, REALM).get("/users/count").expect(200).body().strip())
                .as("users of the realm-only stack (no dev override)").isEqualTo("0");
    }

    @Test
    @Order(5)
    void clusterProfileSharesSessionsBetweenItsNodes() throws Exception {
        project.removeAll();
        long started = System.nanoTime();
        project.up(DEV_STACK, "cluster-keycloak-1", "cluster-keycloak-2");
        System.out.printf("[compose] cluster profile healthy in %.0f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(project.health(DEV_STACK)).containsEntry("cluster-keycloak-1", "healthy")
                .containsEntry("cluster-keycloak-2", "healthy").containsEntry("cluster-postgres", "healthy");

        String clusterIssuer = clusterNode1 + "/realms/" + REALM;
        String username = "compose-cluster-user";
        AdminApi node1Admin = new AdminApi(clusterNode1, REALM);
        assertThat(node1Admin.get("/users/count").expect(200).body().strip()).as("cluster realm has no dev users").isEqualTo("0");
        node1Admin.post("/users", Map.of("username", username, "enabled", true, "email", username + "@mozaiks.test",
                "emailVerified", true, "firstName", "Cluster", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)))).expect(201);

        Reply login = new CodeFlowLogin(clusterNode1, REALM, SHELL, SHELL_REDIRECT).login(username, username).expect(200);
        String sid = SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
        String refreshed = new TokenClient(clusterNode2, REALM).refresh(SHELL, null, login.field("refresh_token"))
                .expect(200).field("access_token");
        assertThat(SignedJWT.parse(refreshed).getJWTClaimsSet().getStringClaim("sid")).as("node 2 refreshed node 1's session").isEqualTo(sid);
        ConsumerChecks.userTokenPassesEveryConsumer(refreshed, clusterIssuer,
                clusterNode2 + "/realms/" + REALM + "/protocol/openid-connect/certs");
    }

    /** {@link InNetworkProbe} in a container on the project's network, on the Keycloak image's own Java. */
    private static Map<String, Reply> probeInNetwork(String clientId, String secret) {
        Path classes = Paths.get(BuildProperties.required("mozaiks.probe.classes")).toAbsolutePath();
        DockerCli.Result run = DockerCli.run(classes, Map.of("PROBE_CLIENT_SECRET", secret), Duration.ofMinutes(2), List.of(
                "run", "--rm", "--network", project.network(), "--env", "PROBE_CLIENT_SECRET",
                "--volume", classes + ":/probe:ro", "--entrypoint", "java",
                "quay.io/keycloak/keycloak:" + BuildProperties.required("keycloak.version"),
                "-cp", "/probe", InNetworkProbe.class.getName(), IN_NETWORK, REALM, clientId)).expectOk();
        Map<String, Reply> fetched = new LinkedHashMap<>();
        for (String line : run.output().split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 3 && parts[1].matches("\\d{3}")) {
                fetched.put(parts[0], new Reply(Integer.parseInt(parts[1]), null,
                        new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8)));
            }
        }
        assertThat(fetched).as("probe output:\n" + run.output()).containsKeys("discovery", "jwks", "token", "env-core");
        return fetched;
    }
}
