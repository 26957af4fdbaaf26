package io.mozaiks.identity.devstack;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/dev-stack end to end: runs target/dev-stack.jar exactly as the script does (a separate JVM), waits for
 * its ready line, fetches a service token with the printed command's secret, fetches the contract, stops
 * it like Ctrl-C would, then starts it again on the same data and checks that the data was reused.
 */
class DevStackSmokeIT {

    private static final Pattern CURL = Pattern.compile("curl -s -d grant_type=client_credentials -d client_id=(\\S+)"
            + " -d client_secret=(\\S+) (http://\\S+/protocol/openid-connect/token)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void startsIssuesServiceTokensStopsAndReusesItsDataOnTheNextStart() throws Exception {
        Path root = Path.of(System.getProperty(RepoLayout.ROOT_PROPERTY)).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("dev-stack.jar"));
        Path home = Path.of(System.getProperty("dev-stack.smoke.home"));
        int port = FreePorts.pick();
        int managementPort = otherFreePort(port);
        String base = "http://127.0.0.1:" + port;
        String publicUrl = "http://localhost:" + port;

        // Run 1: fresh data.
        Run first = Run.start(started, root, jar, "--port", String.valueOf(port), "--management-port",
                String.valueOf(managementPort), "--home", home.toString(), "--reset");
        first.awaitReady(START_TIMEOUT);
        assertThat(first.output()).contains("[1/5]", "[4/5]", "Admin console  " + publicUrl + "/admin/",
                "Issuer         " + publicUrl + "/realms/mozaiks", publicUrl + "/realms/mozaiks/mozaiks/contract",
                "dev-superadmin", "new dev data");
        // keycloak.version is at or above the security floor, and the running server's version was readable.
        assertThat(first.output()).doesNotContain("security floor", "could not read the server version");

        Matcher curl = first.curlCommand();
        assertThat(curl.group(1)).isEqualTo("mozaiks-core");
        assertThat(curl.group(3)).isEqualTo(publicUrl + "/realms/mozaiks/protocol/openid-connect/token");
        JWTClaimsSet claims = serviceToken(curl.group(3), curl.group(1), curl.group(2));
        assertThat(claims.getIssuer()).isEqualTo(publicUrl + "/realms/mozaiks");
        assertThat(claims.getAudience()).contains("mozaiks-api");
        assertThat(claims.getStringListClaim("roles")).contains("internal_service");
        assertThat(claims.getClaims()).doesNotContainKeys("scope", "scp");

        checkContract(publicUrl + "/realms/mozaiks/mozaiks/contract", publicUrl + "/realms/mozaiks");

        // What docker-compose relies on (hostname + backchannel-dynamic), seen from a client that uses
        // another address than the public one: the issuer stays public, JWKS follows the request.
        Reply discovery = Http.get(base + "/realms/mozaiks/.well-known/openid-configuration").expect(200);
        assertThat(discovery.field("issuer")).isEqualTo(publicUrl + "/realms/mozaiks");
        assertThat(discovery.field("jwks_uri")).isEqualTo(base + "/realms/mozaiks/protocol/openid-connect/certs");
        Reply backChannelToken = Http.postForm(base + "/realms/mozaiks/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", curl.group(1), "client_secret", curl.group(2))).expect(200);
        assertThat(SignedJWT.parse(backChannelToken.field("access_token")).getJWTClaimsSet().getIssuer())
                .isEqualTo(publicUrl + "/realms/mozaiks");

        String probeUser = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        new AdminApi(base, "mozaiks").post("/users", Map.of("username", probeUser, "enabled", true)).expect(201);

        first.stopLikeCtrlC();
        assertThat(FreePorts.isFree(port)).as("HTTP port released").isTrue();
        assertThat(FreePorts.isFree(managementPort)).as("management port released").isTrue();

        // Run 2: same data, realm folder edited since the data was created.
        Path editedRealms = home.resolveSibling("smoke-realm-edited");
        Files.createDirectories(editedRealms);
        for (Path file : RealmFingerprint.realmFiles(root.resolve("docker/realm"))) {
            Files.copy(file, editedRealms.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(editedRealms.resolve("mozaiks-users-0.json"), "\n", StandardOpenOption.APPEND);

        Run second = Run.start(started, root, jar, "--port", String.valueOf(port), "--management-port",
                String.valueOf(managementPort), "--home", home.toString(), "--realm-dir", editedRealms.toString());
        second.awaitReady(START_TIMEOUT);
        assertThat(second.output()).contains("already unpacked", "reusing dev data",
                "WARNING: the realm files changed since this data was created: mozaiks-users-0.json (changed)",
                "--reset");

        AdminApi admin = new AdminApi(base, "mozaiks");
        assertThat(admin.get("/users?exact=true&username=" + probeUser).expect(200).json().size())
                .as("the user created in run 1 survived the restart").isEqualTo(1);
        String keycloakLog = Files.readString(home.resolve("logs/keycloak.log"));
        assertThat(keycloakLog).as("Keycloak skipped the existing realm").contains("Realm 'mozaiks' already exists. Import skipped");

        Matcher curlAgain = second.curlCommand();
        assertThat(curlAgain.group(2)).as("same generated secret: same data").isEqualTo(curl.group(2));
        assertThat(serviceToken(curlAgain.group(3), curlAgain.group(1), curlAgain.group(2)).getAudience())
                .contains("mozaiks-api");

        second.stopLikeCtrlC();
    }

    private static JWTClaimsSet serviceToken(String tokenUrl, String clientId, String secret) throws Exception {
        // The printed URL says localhost; call it exactly as printed, like the copy-pasted curl would.
        Reply reply = Http.postForm(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).expect(200);
        return SignedJWT.parse(reply.field("access_token")).getJWTClaimsSet();
    }

    /** The dev stack serves the contract of the dev realm, issued for the public URL. */
    private static void checkContract(String url, String issuer) {
        Reply contract = Http.get(url).expect(200);
        assertThat(contract.field("issuer")).isEqualTo(issuer);
        assertThat(contract.field("audience")).isEqualTo("mozaiks-api");
        assertThat(contract.json().get("warnings").isEmpty()).as("hostname is configured: " + contract.body()).isTrue();
    }

    private static int otherFreePort(int taken) {
        int port;
        do {
            port = FreePorts.pick();
        } while (port == taken);
        return port;
    }

    /** One dev-stack JVM with its output collected line by line. */
    private static final class Run {
        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        private Run(Process process) {
            this.process = process;
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        System.out.println("[dev-stack] " + line);
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // process gone
                }
            }, "dev-stack-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Run start(List<Process> registry, Path root, Path jar, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + RepoLayout.ROOT_PROPERTY + "=" + root, "-jar", jar.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            registry.add(process);
            return new Run(process);
        }

        void awaitReady(Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (output().contains(Summary.READY_PREFIX)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("dev-stack exited with " + process.exitValue() + ":\n" + output());
                }
                Thread.sleep(500);
            }
            throw new AssertionError("dev-stack not ready within " + timeout + ":\n" + output());
        }

        Matcher curlCommand() {
            Matcher matcher = CURL.matcher(output());
            assertThat(matcher.find()).as("the printed service-token command").isTrue();
            return matcher;
        }

        /** SIGTERM (what Ctrl-C's shutdown path also runs): the CLI must stop Keycloak and everything it started. */
        void stopLikeCtrlC() throws InterruptedException {
            List<ProcessHandle> keycloak = process.descendants().toList();
            assertThat(keycloak).as("Keycloak runs as a child of dev-stack").isNotEmpty();
            // Through the handle: Process.destroy() would also close our end of its stdout, losing the last lines.
            assertThat(process.toHandle().destroy()).isTrue();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("dev-stack stopped").isTrue();
            for (ProcessHandle handle : keycloak) {
                try {
                    handle.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // asserted below
                }
                assertThat(handle.isAlive()).as("Keycloak process %s is gone", handle.pid()).isFalse();
            }
            reader.join(30_000); // the last lines, up to end of stream
            assertThat(output()).contains("dev-stack: stopped");
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
