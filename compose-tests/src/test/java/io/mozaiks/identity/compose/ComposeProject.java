package io.mozaiks.identity.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One compose project over the real files under {@code docker/}, named for this test run so that it never
 * touches a developer's own stack, with its variables in an env file of its own (a developer's
 * {@code docker/.env} is then not read).
 */
final class ComposeProject {

    static final String BASE = "docker-compose.yml";
    static final String DEV = "docker-compose.dev.yml";
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(9);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dockerDir;
    private final String name;
    private final Path envFile;
    /** Every file any step of the project uses: {@link #removeAll()} names them all. */
    private final List<String> allFiles;

    ComposeProject(Path dockerDir, String name, Path envFile, Map<String, String> variables, List<String> allFiles) {
        this.dockerDir = dockerDir;
        this.name = name;
        this.envFile = envFile;
        this.allFiles = List.copyOf(allFiles);
        StringBuilder text = new StringBuilder();
        variables.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(envFile.getParent());
            Files.writeString(envFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    String network() {
        return name + "_default";
    }

    /** {@code up -d --wait}: returns when every started service is healthy; fails with the services' logs otherwise. */
    void up(List<String> files, String... services) {
        List<String> args = new ArrayList<>(List.of("up", "-d", "--wait", "--wait-timeout", String.valueOf(UP_TIMEOUT.toSeconds() - 30)));
        args.addAll(List.of(services));
        expectUp(files, compose(files, UP_TIMEOUT, args));
    }

    /** {@code up -d} without waiting: the caller measures when the service is ready. */
    void start(List<String> files, String... services) {
        List<String> args = new ArrayList<>(List.of("up", "-d"));
        args.addAll(List.of(services));
        expectUp(files, compose(files, UP_TIMEOUT, args));
    }

    /** What a service printed so far. */
    String logs(List<String> files, String service) {
        return compose(files, CALL_TIMEOUT, List.of("--profile", "cluster", "logs", "--no-color", service)).expectOk().output();
    }

    private void expectUp(List<String> files, DockerCli.Result result) {
        if (!result.ok()) {
            throw new AssertionError("docker compose up failed (" + result.exitCode() + "):\n" + DockerCli.tail(result.output(), 30)
                    + "\n--- logs ---\n" + DockerCli.tail(compose(files, CALL_TIMEOUT, List.of("--profile", "cluster", "logs", "--no-color", "--tail", "40")).output(), 120));
        }
    }

    /** {@code down}, keeping the volumes (the database survives). */
    void down(List<String> files) {
        compose(files, CALL_TIMEOUT, List.of("down")).expectOk();
    }

    /** {@code down -v} of every service of the project, profiles included: containers, network and volumes. */
    DockerCli.Result removeAll() {
        return compose(allFiles, CALL_TIMEOUT, List.of("--profile", "cluster", "down", "-v", "--remove-orphans"));
    }

    /** Service name to its health ("healthy", "starting", "" when it has no health check) from {@code ps --format json}. */
    Map<String, String> health(List<String> files) {
        String output = compose(files, CALL_TIMEOUT, List.of("ps", "--format", "json")).expectOk().output();
        Map<String, String> health = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank() || !line.strip().startsWith("{") && !line.strip().startsWith("[")) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                for (JsonNode service : node.isArray() ? node : List.of(node)) {
                    health.put(service.get("Service").asText(), service.path("Health").asText());
                }
            } catch (IOException e) {
                throw new AssertionError("unreadable `docker compose ps` line: " + line, e);
            }
        }
        return health;
    }

    /** The model as Compose resolves it ({@code config --format json}): variables interpolated, extensions kept. */
    JsonNode config(List<String> files) {
        String output = compose(files, CALL_TIMEOUT, List.of("config", "--format", "json")).expectOk().output();
        try {
            return JSON.readTree(output.substring(output.indexOf('{')));
        } catch (IOException e) {
            throw new AssertionError("unreadable `docker compose config`: " + output, e);
        }
    }

    /** The project's volumes that exist now. */
    List<String> volumes() {
        String output = DockerCli.run(dockerDir, Map.of(), CALL_TIMEOUT, List.of("volume", "ls", "-q", "--filter",
                "label=com.docker.compose.project=" + name)).expectOk().output();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private DockerCli.Result compose(List<String> files, Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>(List.of("compose", "--env-file", envFile.toString(), "-p", name));
        for (String file : files) {
            command.add("-f");
            command.add(file);
        }
        command.addAll(args);
        // COMPOSE_* from the caller's environment (e.g. COMPOSE_FILE, COMPOSE_PROFILES) must not change what runs.
        Map<String, String> env = new HashMap<>();
        System.getenv().keySet().stream().filter(key -> key.startsWith("COMPOSE_")).forEach(key -> env.put(key, null));
        return DockerCli.run(dockerDir, env, timeout, command);
    }
}
