package io.mozaiks.identity.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: {@code bin/build-image} builds the optimized image, {@code docker/docker-compose.prod.yml}
 * boots it with {@code start --optimized}, and the contract holds from the host. Then the same stack on the
 * base image with the jar mounted and a plain {@code start} (which builds on every start), to measure what
 * the optimized image saves. Figures: stdout and {@code target/image-figures.json}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionImageIT {

    private static final String REALM = "mozaiks";
    private static final String PROD = "docker-compose.prod.yml";
    private static final List<String> PROD_STACK = List.of(PROD);
    /** Keycloak's log line when `start` runs the build step itself (absent with --optimized). */
    static final String AUGMENTATION = "Updating the configuration and installing your custom providers";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dockerDir;
    private static Path workDir;
    private static String tag;
    private static String baseUrl;
    private static String managementUrl;
    private static Map<String, String> variables;
    private static ComposeProject project;
    private static final ObjectNode FIGURES = JSON.createObjectNode();
    /** Interleaved starts of each kind (fresh database each): one pair is noise on a shared 2-core machine. */
    private static final int ROUNDS = 2;
    private static final List<Double> optimizedReady = new java.util.ArrayList<>();
    private static final List<Double> baseReady = new java.util.ArrayList<>();

    @BeforeAll
    static void buildImage() throws IOException {
        dockerDir = Paths.get(BuildProperties.required("mozaiks.docker.dir")).toAbsolutePath().normalize();
        DockerCli.skipOrFailWithoutEngine(dockerDir, "production image test");
        workDir = Paths.get(BuildProperties.required("mozaiks.work.dir"));
        Files.createDirectories(workDir);
        tag = BuildProperties.imageTag();

        Path root = dockerDir.getParent();
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        List<String> command = windows
                ? List.of("cmd.exe", "/c", root.resolve("bin").resolve("build-image.cmd").toString(), "--skip-jar")
                : List.of(root.resolve("bin").resolve("build-image").toString(), "--skip-jar");
        long started = System.nanoTime();
        Process build = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("build-image.log").toFile()).start();
        try {
            boolean ended = build.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
            String log = Files.readString(workDir.resolve("build-image.log"));
            assertThat(ended && build.exitValue() == 0).as("bin/build-image --skip-jar:\n" + DockerCli.tail(log, 40)).isTrue();
            assertThat(log).contains("built " + tag);
        } catch (InterruptedException e) {
            build.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        FIGURES.put("image_build_seconds", seconds(started));

        int port = FreePorts.pick();
        int management = FreePorts.pick();
        baseUrl = "http://localhost:" + port;
        managementUrl = "http://127.0.0.1:" + management;
        variables = new LinkedHashMap<>();
        variables.put("MOZAIKS_IMAGE", tag);
        variables.put("KEYCLOAK_PUBLIC_URL", baseUrl);
        variables.put("KEYCLOAK_BIND", "127.0.0.1");
        variables.put("KEYCLOAK_PORT", String.valueOf(port));
        variables.put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(management));
        variables.put("KEYCLOAK_ADMIN_USER", "admin");
        variables.put("KEYCLOAK_ADMIN_PASSWORD", "admin");   // AdminApi signs in as admin/admin
        variables.put("POSTGRES_PASSWORD", UUID.randomUUID().toString());
        String name = "mozaiks-prod-it-" + ProcessHandle.current().pid();
        project = new ComposeProject(dockerDir, name, workDir.resolve(name + ".env"), variables,
                List.of(PROD, baselineOverride().toString()));
    }

    @AfterAll
    static void removeEverything() throws IOException {
        if (project != null) {
            project.removeAll();
            assertThat(project.volumes()).as("volumes left after down -v").isEmpty();
        }
        if (!FIGURES.isEmpty()) {
            Files.writeString(workDir.resolve("../image-figures.json").normalize(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(FIGURES));
            System.out.println("[image] figures: " + FIGURES);
        }
    }

    @Test
    @Order(1)
    void imageHoldsOurJarAndNeitherUsersNorSecrets() throws Exception {
        JsonNode config = inspect(tag).get("Config");
        assertThat(config.get("User").asText()).isEqualTo("1000");
        assertThat(config.get("Entrypoint").toString()).isEqualTo("[\"/opt/keycloak/bin/kc.sh\"]");
        // OCI labels from bin/build-image's build args: which release of the provider the image carries.
        JsonNode labels = config.get("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(BuildProperties.required("project.version"));
        assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
        for (JsonNode env : config.withArray("Env")) {
            assertThat(env.asText().split("=", 2)[0]).as("image env").doesNotContainIgnoringCase("PASSWORD").doesNotContainIgnoringCase("SECRET");
        }
        String history = docker(List.of("history", "--no-trunc", "--format", "{{.CreatedBy}}", tag));
        assertThat(history).doesNotContainIgnoringCase("password").doesNotContain("mozaiks-users");

        Path jar = Paths.get(BuildProperties.required("mozaiks.provider.jar"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        assertThat(inImage("ls /opt/keycloak/providers/*.jar").strip()).isEqualTo("/opt/keycloak/providers/mozaiks-keycloak-extension.jar");
        assertThat(inImage("sha256sum /opt/keycloak/providers/mozaiks-keycloak-extension.jar")).startsWith(sha);
        assertThat(inImage("find / -xdev \\( -name 'mozaiks-users-*' -o -name 'mozaiks-realm*.json' \\) -print"))
                .as("realm or dev users files in the image").isBlank();
        assertThat(inImage("find /opt -name '.env*' -print")).as("env files in /opt").isBlank();
        assertThat(inImage("ls -A /opt/keycloak/data 2>/dev/null; true")).as("data/ of the image (no import, no database)").doesNotContain("import", "h2");
        assertThat(inImage("grep -rIl -e dev-superadmin -e dev-mfa /opt /etc 2>/dev/null; true")).as("files naming dev users").isBlank();

        long size = inspect(tag).get("Size").asLong();
        long base = inspect("quay.io/keycloak/keycloak:" + BuildProperties.required("keycloak.version")).get("Size").asLong();
        FIGURES.put("image_bytes", size);
        FIGURES.put("base_image_bytes", base);
        FIGURES.put("added_bytes", size - base);
    }

    @Test
    @Order(2)
    void optimizedStartServesTheContract() throws Exception {
        optimizedReady.add(startKeycloakAndTimeReady(PROD_STACK));
        project.up(PROD_STACK);
        String log = project.logs(PROD_STACK, "keycloak");
        assertThat(log).as("start --optimized runs no build step").doesNotContain(AUGMENTATION).contains("Profile prod activated");

        String issuer = baseUrl + "/realms/" + REALM;
        assertThat(Http.get(issuer + "/.well-known/openid-configuration").expect(200).json().get("issuer").asText()).isEqualTo(issuer);
        JsonNode contract = Http.get(issuer + "/mozaiks/contract").expect(200).json();
        assertThat(contract.get("issuer").asText()).isEqualTo(issuer);
        assertThat(contract.get("contract_version").asText()).isEqualTo("1.2");
        assertThat(Http.get(managementUrl + "/metrics").expect(200).body()).as("metrics, a build option of the image").contains("jvm_");

        AdminApi admin = new AdminApi(baseUrl, REALM);
        assertThat(admin.get("/users/count").expect(200).body().strip()).as("production realm: no users").isEqualTo("0");
        String user = "prod-it-user";
        admin.post("/users", Map.of("username", user, "enabled", true, "email", user + "@mozaiks.test", "emailVerified", true,
                "firstName", "Prod", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", user, "temporary", false)))).expect(201);
        String token = new CodeFlowLogin(baseUrl, REALM, "mozaiks-shell", "http://localhost:3000/callback")
                .login(user, user).expect(200).field("access_token");
        ConsumerChecks.userTokenPassesEveryConsumer(token, issuer, ContractEnv.jwksUrl(issuer));
        for (String client : List.of("mozaiks-core", "mozaiks-platform")) {
            String service = new TokenClient(baseUrl, REALM).clientCredentials(client, admin.clientSecret(client))
                    .expect(200).field("access_token");
            ConsumerChecks.serviceTokenPassesEveryConsumer(service, client, issuer, ContractEnv.jwksUrl(issuer));
        }
    }

    /**
     * The baseline: the base image with the jar mounted and `start` without --optimized, on a fresh database,
     * interleaved with further optimized starts so that both see the same machine load. The times are figures
     * for docs/operations.md, not assertions.
     */
    @Test
    @Order(3)
    void baseImageStartBuildsOnEveryStart() throws Exception {
        List<String> baseline = List.of(PROD, baselineOverride().toString());
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                project.removeAll();
                optimizedReady.add(startKeycloakAndTimeReady(PROD_STACK));
            }
            project.removeAll();
            baseReady.add(startKeycloakAndTimeReady(baseline));
            assertThat(project.logs(baseline, "keycloak")).as("plain start runs the build step").contains(AUGMENTATION);
        }
        double optimized = mean(optimizedReady);
        double base = mean(baseReady);
        FIGURES.putPOJO("optimized_start_ready_seconds", optimizedReady);
        FIGURES.putPOJO("base_start_ready_seconds", baseReady);
        FIGURES.put("ready_ratio_base_over_optimized", Math.round(base / optimized * 100) / 100.0);
        FIGURES.put("base_image", inspect("quay.io/keycloak/keycloak:" + BuildProperties.required("keycloak.version"))
                .path("Config").path("Labels").path("org.opencontainers.image.description").asText("official"));
    }

    private static double mean(List<Double> values) {
        return Math.round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow() * 10) / 10.0;
    }

    /** PostgreSQL first (healthy), then Keycloak; seconds from its `up` to /health/ready answering UP. */
    private static double startKeycloakAndTimeReady(List<String> files) throws InterruptedException {
        project.up(files, "postgres");
        long started = System.nanoTime();
        project.start(files, "keycloak");
        long deadline = started + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // The status decides: while the realm imports the body is DOWN yet lists checks that are UP.
                if (Http.get(managementUrl + "/health/ready").status() == 200) {
                    return seconds(started);
                }
            } catch (RuntimeException notYet) {
                // connection refused until the management interface listens
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Keycloak not ready after " + READY_TIMEOUT + ":\n" + DockerCli.tail(project.logs(files, "keycloak"), 60));
    }

    /** Compose override for the baseline; written per run because it names the jar by absolute path. */
    private static Path baselineOverride() throws IOException {
        Path file = workDir.resolve("baseline-override.yml");
        String jar = Paths.get(BuildProperties.required("mozaiks.provider.jar")).toAbsolutePath().toString().replace("\\", "/");
        Files.writeString(file, String.join("\n",
                "services:",
                "  keycloak:",
                "    image: quay.io/keycloak/keycloak:" + BuildProperties.required("keycloak.version"),
                "    command: [\"start\", \"--import-realm\"]",
                "    environment:",
                "      KC_DB: postgres",
                "      KC_HEALTH_ENABLED: \"true\"",
                "      KC_METRICS_ENABLED: \"true\"",
                "    volumes:",
                "      - type: bind",
                "        source: \"" + jar + "\"",
                "        target: /opt/keycloak/providers/mozaiks-keycloak-extension.jar",
                "        read_only: true",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    private static JsonNode inspect(String image) throws IOException {
        return JSON.readTree(docker(List.of("image", "inspect", image))).get(0);
    }

    /** A shell command in a throw-away container of the image, as root to see every file (bash is part of its contract). */
    private static String inImage(String script) {
        return docker(List.of("run", "--rm", "--user", "0", "--entrypoint", "bash", tag, "-c", script));
    }

    private static String docker(List<String> args) {
        return DockerCli.run(dockerDir, Map.of(), Duration.ofMinutes(2), args).expectOk().output();
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
    }
}
