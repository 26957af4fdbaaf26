package io.mozaiks.identity.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/release, as a user runs it, twice: from two separate clean clones of this checkout's HEAD. The two
 * dist/VERSION/ folders must be byte-identical, SHA256SUMS must verify with sha256sum -c, every SBOM must
 * validate against the CycloneDX schema, and the jars and SBOMs must name the contract and Keycloak range.
 * Uncommitted changes are not part of a release and so not of this test (it says so when there are some).
 */
class ReleaseReproducibilityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RELEASE_HEADING = Pattern.compile("(?m)^## \\[(\\d+\\.\\d+\\.\\d+)]");
  private static final List<String> JARS = List.of("mozaiks-keycloak-extension", "mozaiks-doctor", "theme-mirror");

  @TempDir
  Path temp;

  @Test
  void twoCleanReleasesAreByteIdenticalVerifiedAndDescribed() throws Exception {
    Optional<GitCheckout> found = GitCheckout.ofThisBuild();
    if (found.isEmpty()) {
      System.out.println("[ReleaseReproducibilityIT] skipped: the build does not run in a git checkout");
    }
    assumeTrue(found.isPresent(), "the build does not run in a git checkout");
    GitCheckout checkout = found.get();
    String head = checkout.git("rev-parse", "HEAD").strip();
    if (!checkout.git("status", "--porcelain").isBlank()) {
      System.out.println("[ReleaseReproducibilityIT] the work tree has uncommitted changes; releasing HEAD " + head + " only");
    }
    String version = newestChangelogVersion(Files.readString(checkout.root().resolve("CHANGELOG.md")));

    long started = System.nanoTime();
    Path first = release(checkout, head, version, temp.resolve("clone 1"));
    Path second = release(checkout, head, version, temp.resolve("clone 2"));
    System.out.printf("[ReleaseReproducibilityIT] two releases of %s in %d s%n", version,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

    List<String> files = relativeFiles(first);
    assertThat(relativeFiles(second)).isEqualTo(files);
    for (String jar : JARS) {
      assertThat(files).contains(jar + "-" + version + ".jar", jar + "-" + version + ".cdx.json");
    }
    assertThat(files).contains("SHA256SUMS", "RELEASE-NOTES.md", "image/Dockerfile", "image/.dockerignore",
        "image/keycloak-extension/target/mozaiks-keycloak-extension.jar");
    for (String file : files) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
          .as("%s differs between two builds of the same commit", file).isEqualTo(-1L);
    }

    Run sums = run(first, List.of("sha256sum", "-c", "SHA256SUMS"));
    assertThat(sums.exitCode()).as("sha256sum -c SHA256SUMS:%n%s", sums.output()).isZero();
    assertThat(sums.output().lines().filter(line -> line.endsWith(": OK")).count()).isEqualTo(files.size() - 1);

    assertThat(Files.readString(first.resolve("RELEASE-NOTES.md"))).startsWith("## [" + version + "]");

    for (String jar : JARS) {
      Path sbom = first.resolve(jar + "-" + version + ".cdx.json");
      List<?> problems = new JsonParser().validate(sbom.toFile(), Version.VERSION_16);
      assertThat(problems).as("CycloneDX 1.6 schema problems in %s", sbom.getFileName()).isEmpty();
      JsonNode component = JSON.readTree(sbom.toFile()).path("metadata").path("component");
      assertThat(component.path("version").asText()).isEqualTo(version);
      try (JarFile jarFile = new JarFile(first.resolve(jar + "-" + version + ".jar").toFile())) {
        Manifest manifest = jarFile.getManifest();
        String contract = manifest.getMainAttributes().getValue("Mozaiks-Contract-Version");
        String keycloak = manifest.getMainAttributes().getValue("Mozaiks-Keycloak-Supported");
        assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isEqualTo(version);
        assertThat(manifest.getMainAttributes().getValue("Mozaiks-Git-Revision")).isEqualTo(head);
        assertThat(contract).matches("\\d+\\.\\d+");
        assertThat(keycloak).matches("\\[\\d+\\.\\d+\\.\\d+,\\d+\\.\\d+\\.\\d+]");
        assertThat(component.path("description").asText())
            .contains("Token contract " + contract).contains("supported Keycloak " + keycloak);
      }
    }

    // A dirty tree is refused and changes nothing.
    Path clone = temp.resolve("clone 1");
    Files.writeString(clone.resolve("uncommitted.txt"), "x");
    Run refused = run(clone, List.of("bash", "bin/release", version));
    assertThat(refused.exitCode()).as(refused.output()).isEqualTo(65);
    assertThat(refused.output()).contains("uncommitted changes");
  }

  static String newestChangelogVersion(String changelog) {
    Matcher matcher = RELEASE_HEADING.matcher(changelog);
    assertThat(matcher.find()).as("CHANGELOG.md has a released section").isTrue();
    return matcher.group(1);
  }

  /** A clean clone of {@code commit} in {@code dir} (a path with a space), then bin/release there. */
  private static Path release(GitCheckout checkout, String commit, String version, Path dir) throws Exception {
    checkout.git("clone", "--quiet", "--no-checkout", checkout.root().toString(), dir.toString());
    Run checkoutRun = run(dir, List.of("git", "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", commit));
    assertThat(checkoutRun.exitCode()).as(checkoutRun.output()).isZero();
    Run release = run(dir, List.of("bash", "bin/release", version));
    assertThat(release.exitCode()).as("bin/release %s in %s:%n%s", version, dir, release.output()).isZero();
    return dir.resolve("dist").resolve(version);
  }

  private static List<String> relativeFiles(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).map(path -> dir.relativize(path).toString().replace(File.separatorChar, '/'))
          .sorted().toList();
    }
  }

  record Run(int exitCode, String output) {}

  private static Run run(Path dir, List<String> command) throws Exception {
    Path log = Files.createTempFile("release-it", ".log");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 15 minutes");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Run(process.exitValue(), output);
  }
}
