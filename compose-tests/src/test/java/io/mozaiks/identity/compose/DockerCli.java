package io.mozaiks.identity.compose;

import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The real {@code docker} CLI (on Windows {@code docker.exe} from Docker Desktop), every call bounded in time. */
final class DockerCli {

    /** What a command printed (stdout and stderr together) and how it ended; -1 = killed at the timeout. */
    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        Result expectOk() {
            if (!ok()) {
                throw new AssertionError(String.join(" ", command) + " ended with " + exitCode + ":\n" + tail(output, 80));
            }
            return this;
        }
    }

    private DockerCli() {
    }

    /** {@code env}: variables to set, or to remove where the value is null. */
    static Result run(Path directory, Map<String, String> env, Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(command, -2, "cannot run docker: " + e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "docker-output");
        reader.start();
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(10).toMillis());
            String text = output.toString(StandardCharsets.UTF_8);
            return ended ? new Result(command, process.exitValue(), text)
                    : new Result(command, -1, text + "\n[killed after " + timeout.toSeconds() + " s]");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /** Set by .ci/run: there a missing Docker engine fails the build instead of skipping the test. */
    static final String REQUIRED_PROPERTY = "mozaiks.containers.required";

    /** Skips the calling test class with the reason printed, or fails it with {@code -Dmozaiks.containers.required=true}. */
    static void skipOrFailWithoutEngine(Path directory, String what) {
        Optional<String> reason = unavailableReason(directory);
        if (reason.isEmpty()) {
            return;
        }
        String message = what + " skipped: " + reason.get();
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            throw new IllegalStateException(message + " (and -D" + REQUIRED_PROPERTY + "=true)");
        }
        System.out.println("[compose] SKIPPED: " + message);
        Assumptions.abort(message);
    }

    /** Why the compose test cannot run here, or empty when an engine and Compose v2 answer. */
    static Optional<String> unavailableReason(Path directory) {
        Result engine = run(directory, Map.of(), Duration.ofSeconds(30), List.of("version", "--format", "{{.Server.Version}}"));
        if (!engine.ok()) {
            return Optional.of("no Docker engine answers (`docker version`: " + tail(engine.output(), 3).strip() + ")");
        }
        Result compose = run(directory, Map.of(), Duration.ofSeconds(30), List.of("compose", "version", "--short"));
        if (!compose.ok() || !compose.output().strip().matches("v?2\\..*")) {
            return Optional.of("Docker Compose v2 is missing (`docker compose version`: " + tail(compose.output(), 3).strip() + ")");
        }
        return Optional.empty();
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
