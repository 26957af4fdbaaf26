package io.mozaiks.identity.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running Keycloak distribution on loopback: {@code start-dev} ({@link #start}) or a production-mode
 * cluster node ({@link #startProduction}). Stopping it ends the whole process tree (kc.sh forks the JVM);
 * {@link #killJvm()} simulates a crash.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);

    private final ServerSettings settings;
    private final Process process;
    private final List<String> command;

    private KeycloakServer(ServerSettings settings, Process process, List<String> command) {
        this.settings = settings;
        this.process = process;
        this.command = List.copyOf(command);
    }

    public static KeycloakServer start(ServerSettings settings) {
        return start(settings, DEFAULT_START_TIMEOUT);
    }

    public static KeycloakServer start(ServerSettings settings, Duration timeout) {
        return launch(settings, ServerCommand.startDev(settings, System.getProperty("os.name")), Map.of(), timeout);
    }

    /**
     * Starts one production-mode node ({@code kc.sh start --optimized}) of a distribution that
     * {@link #build} prepared; returns once the node reports ready.
     */
    public static KeycloakServer startProduction(ServerSettings settings, ProductionSettings production, Duration timeout) {
        return launch(settings, ServerCommand.start(settings, production, System.getProperty("os.name")),
                Map.of("KC_DB_PASSWORD", production.dbPassword()), timeout);
    }

    /**
     * {@code kc.sh build} of a distribution for production mode ({@link ServerCommand#build}), with the
     * given provider jars installed first. The same built distribution (copied per node) then runs every
     * node, which is how operators deploy the jar: same jar on every node, built once.
     */
    public static void build(Path home, List<Path> providers, Path log, Duration timeout) {
        List<String> command = ServerCommand.build(home, System.getProperty("os.name"));
        try {
            installProviders(home, providers);
            Files.createDirectories(log.getParent());
            Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!build.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.stop(build.toHandle(), Duration.ofSeconds(5));
                throw new IllegalStateException("kc.sh build did not finish within " + timeout + "; last log lines:\n"
                        + LogTail.read(log, 40));
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed with exit code " + build.exitValue()
                        + "; last log lines:\n" + LogTail.read(log, 40));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kc.sh build in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during kc.sh build", e);
        }
    }

    private static KeycloakServer launch(ServerSettings settings, List<String> command, Map<String, String> secrets,
                                         Duration timeout) {
        requirePortFree(settings.httpPort(), "HTTP");
        requirePortFree(settings.managementPort(), "management");
        try {
            installProviders(settings.home(), settings.providers());
            installImports(settings);
            Files.createDirectories(settings.log().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(settings.log().toFile());
            builder.environment().putAll(settings.environment());
            builder.environment().putAll(secrets);
            KeycloakServer server = new KeycloakServer(settings, builder.start(), command);
            server.awaitReady(timeout);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + settings.home(), e);
        }
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Loopback URL to talk to the server (tests, smoke checks). */
    public String baseUrl() {
        return settings.baseUrl();
    }

    /** The public base URL tokens are issued for (the configured hostname). */
    public String publicUrl() {
        return settings.hostname() != null ? settings.hostname() : settings.baseUrl();
    }

    public String issuer(String realm) {
        return publicUrl() + "/realms/" + realm;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Blocks until the server process ends (used by the dev stack's foreground mode). */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Kills the server's JVM with SIGKILL ({@code kill -9}: no shutdown hooks, no cluster leave message), as
     * a crash or an OOM kill would, and waits until it is gone.
     *
     * @return the JVM's process id
     */
    public long killJvm() {
        ProcessHandle jvm = ProcessTree.jvm(process.toHandle());
        jvm.destroyForcibly();
        try {
            jvm.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("JVM " + jvm.pid() + " did not end after SIGKILL", e);
        }
        return jvm.pid();
    }

    @Override
    public void close() {
        ProcessTree.stop(process.toHandle(), Duration.ofSeconds(30));
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(settings.managementUrl() + "/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready; last log lines:\n" + LogTail.read(settings.log(), 40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; last log lines:\n"
                + LogTail.read(settings.log(), 40));
    }

    private static void requirePortFree(int port, String what) {
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("the " + what + " port " + port + " is already in use;"
                    + " stop what listens there or choose another port");
        }
    }

    private static void installProviders(Path home, List<Path> providers) throws IOException {
        Path dir = Files.createDirectories(home.resolve("providers"));
        for (Path jar : providers) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("provider jar not found: " + jar + " (build it first: ./mvnw package)");
            }
            Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void installImports(ServerSettings settings) throws IOException {
        Path dir = Files.createDirectories(settings.home().resolve("data").resolve("import"));
        for (Path file : settings.imports()) {
            Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Arguments, for messages. */
    public List<String> command() {
        return command;
    }
}
