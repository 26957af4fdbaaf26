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

/**
 * One running Keycloak distribution, started with {@code start-dev} on loopback.
 * Stopping it ends the whole process tree (kc.sh forks the JVM).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);

    private final ServerSettings settings;
    private final Process process;

    private KeycloakServer(ServerSettings settings, Process process) {
        this.settings = settings;
        this.process = process;
    }

    public static KeycloakServer start(ServerSettings settings) {
        return start(settings, DEFAULT_START_TIMEOUT);
    }

    public static KeycloakServer start(ServerSettings settings, Duration timeout) {
        requirePortFree(settings.httpPort(), "HTTP");
        requirePortFree(settings.managementPort(), "management");
        try {
            installProviders(settings);
            installImports(settings);
            Files.createDirectories(settings.log().getParent());
            ProcessBuilder builder = new ProcessBuilder(ServerCommand.startDev(settings, System.getProperty("os.name")))
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(settings.log().toFile());
            builder.environment().putAll(settings.environment());
            KeycloakServer server = new KeycloakServer(settings, builder.start());
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

    private static void installProviders(ServerSettings settings) throws IOException {
        Path dir = Files.createDirectories(settings.home().resolve("providers"));
        for (Path jar : settings.providers()) {
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
        return ServerCommand.startDev(settings, System.getProperty("os.name"));
    }
}
