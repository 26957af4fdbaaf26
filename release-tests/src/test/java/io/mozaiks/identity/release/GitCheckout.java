package io.mozaiks.identity.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The git checkout the tests run in, read through the git command line (the same view a user's git has). */
final class GitCheckout {

  private final Path root;

  private GitCheckout(Path root) {
    this.root = root;
  }

  /** The checkout containing {@code dir}, or empty when {@code dir} is not inside a git work tree (or git is absent). */
  static Optional<GitCheckout> containing(Path dir) {
    try {
      Result result = run(dir, null, "git", "rev-parse", "--show-toplevel");
      if (result.exitCode() != 0) {
        return Optional.empty();
      }
      return Optional.of(new GitCheckout(Path.of(result.stdout().strip())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The checkout of the module the tests run in (Surefire and Failsafe start in the module folder). */
  static Optional<GitCheckout> ofThisBuild() {
    return containing(Path.of("").toAbsolutePath());
  }

  Path root() {
    return root;
  }

  /** Runs git in the checkout's root; fails the test on a non-zero exit. */
  String git(String... args) throws IOException {
    return gitWithInput(null, args);
  }

  /** Runs git in the checkout's root with {@code stdin} as its input; fails the test on a non-zero exit. */
  String gitWithInput(String stdin, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    Result result = run(root, stdin, command.toArray(String[]::new));
    if (result.exitCode() != 0) {
      throw new IOException("git " + String.join(" ", args) + " exited " + result.exitCode() + ": " + result.stderr());
    }
    return result.stdout();
  }

  record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(Path dir, String stdin, String... command) throws IOException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    try {
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      // git's answers here are small; read stderr after stdout (both are drained before waiting).
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
