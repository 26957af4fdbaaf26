package io.mozaiks.identity.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/**
 * bin/mozaiks-doctor --help prints bin/usage/mozaiks-doctor.txt without building anything (the jar may not exist yet); this
 * keeps that file equal to what the command itself prints. After changing the command's options:
 * ./mvnw -pl doctor -am test -Dtest=LauncherUsageFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dmozaiks.usage.write=true
 */
class LauncherUsageFileTest {

  // Surefire runs in the module folder; the launchers live in the repository's bin/.
  private static final Path USAGE_FILE = Path.of("..", "bin", "usage", "mozaiks-doctor.txt");

  @Test
  void theLauncherPrintsTheCommandsOwnUsage() throws IOException {
    StringWriter out = new StringWriter();
    int exit = helpOf(out);
    String usage = out.toString().replace("\r\n", "\n");
    assertThat(exit).isZero();
    assertThat(usage).contains("Usage: mozaiks-doctor");
    if (Boolean.getBoolean("mozaiks.usage.write")) {
      Files.writeString(USAGE_FILE, usage, StandardCharsets.UTF_8);
    }
    String file = Files.readString(USAGE_FILE, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertThat(file).as(USAGE_FILE + " is stale; regenerate it (see this test's comment)").isEqualTo(usage);
  }

  private static int helpOf(StringWriter out) {
    CommandLine commandLine = DoctorCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    return commandLine.execute("--help");
  }
}
