package io.mozaiks.identity.mirror.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs git against ONE work tree: always {@code git -C root}, always with a scrubbed environment. */
public final class GitClient {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Git refuses files bigger than this from a tool that only mirrors small images. */
    public static final int MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

    private final Path root;
    private final String executable;

    public GitClient(Path root) {
        this(root, "git");
    }

    public GitClient(Path root, String executable) {
        this.root = root;
        this.executable = executable;
    }

    public Path root() {
        return root;
    }

    /** Runs {@code git -C root args...}. An IOException means git could not be run or did not finish. */
    public GitResult run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.add("-C");
        command.add(root.toString());
        command.add("--literal-pathspecs");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        GitEnvironment.scrub(builder.environment());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readQuietly(process.getErrorStream()));
        byte[] stdout = process.getInputStream().readNBytes(MAX_OUTPUT_BYTES + 1);
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("git " + args[0] + " did not finish within " + TIMEOUT.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for git", e);
        }
        if (stdout.length > MAX_OUTPUT_BYTES) {
            throw new IOException("git " + args[0] + " produced more than " + MAX_OUTPUT_BYTES + " bytes");
        }
        return new GitResult(process.exitValue(), stdout, new String(stderr.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readQuietly(InputStream stream) {
        try (stream) {
            return stream.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
