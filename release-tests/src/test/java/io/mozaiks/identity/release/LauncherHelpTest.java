package io.mozaiks.identity.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shell launcher in bin/ answers --help at once, without building or downloading: each runs from
 * a copy of bin/ and pom.xml with no mvnw beside it, no ~/.m2, and java/mvn on PATH replaced by stubs
 * that leave a mark. Any attempt to build or run a jar fails the test.
 */
class LauncherHelpTest {

  // Surefire runs in the module folder.
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  static Stream<String> launchers() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(REPO.resolve("bin"))) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(file) && startsWithShebang(file)) {
          names.add(file.getFileName().toString());
        }
      }
    }
    assertThat(names).contains("dev-stack", "mozaiks-doctor", "theme-mirror", "build-image", "version-matrix");
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("launchers")
  void helpAnswersAtOnceWithoutBuilding(String launcher, @TempDir Path temp) throws Exception {
    Path checkout = temp.resolve("checkout");
    copyTree(REPO.resolve("bin"), checkout.resolve("bin"));
    Files.copy(REPO.resolve("pom.xml"), checkout.resolve("pom.xml"));
    Path stubs = Files.createDirectories(temp.resolve("stubs"));
    Path mark = temp.resolve("build-attempted");
    for (String tool : List.of("java", "mvn", "mvnw", "docker")) {
      Path stub = stubs.resolve(tool);
      Files.writeString(stub, "#!/bin/sh\necho \"$0 $*\" >> '" + mark + "'\nexit 97\n");
      stub.toFile().setExecutable(true);
    }

    for (String flag : List.of("--help", "-h")) {
      ProcessBuilder builder = new ProcessBuilder("bash", "bin/" + launcher, flag).directory(checkout.toFile());
      builder.environment().put("HOME", Files.createDirectories(temp.resolve("home")).toString());
      builder.environment().put("PATH", stubs + ":/usr/bin:/bin");
      builder.environment().remove("JAVA_HOME");
      builder.redirectErrorStream(true);
      long started = System.nanoTime();
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("bin/%s %s finished", launcher, flag).isTrue();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(process.exitValue()).as("exit code of bin/%s %s; output:%n%s", launcher, flag, output).isZero();
      assertThat(mark).as("bin/%s %s ran a build tool or java", launcher, flag).doesNotExist();
      assertThat(millis).as("milliseconds bin/%s %s took", launcher, flag).isLessThan(5_000);
      Path usage = REPO.resolve("bin").resolve("usage").resolve(launcher + ".txt");
      if (Files.isRegularFile(usage)) {
        assertThat(output.replace("\r\n", "\n"))
            .isEqualTo(Files.readString(usage, StandardCharsets.UTF_8).replace("\r\n", "\n"));
      } else {
        assertThat(output).as("bin/%s %s prints its usage", launcher, flag).contains("bin/" + launcher);
      }
    }
  }

  private static boolean startsWithShebang(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2 && head[0] == '#' && head[1] == '!';
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
