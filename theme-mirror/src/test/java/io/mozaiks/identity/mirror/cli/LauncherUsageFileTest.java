package io.mozaiks.identity.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * bin/theme-mirror --help prints bin/usage/theme-mirror.txt without building anything (the jar may not exist yet); this
 * keeps that file equal to what the command itself prints. After changing the command's options:
 * ./mvnw -pl theme-mirror -am test -Dtest=LauncherUsageFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dmozaiks.usage.write=true
 */
class LauncherUsageFileTest {

  // Surefire runs in the module folder; the launchers live in the repository's bin/.
  private static final Path USAGE_FILE = Path.of("..", "bin", "usage", "theme-mirror.txt");

  @Test
  void theLauncherPrintsTheCommandsOwnUsage() throws IOException {
    StringWriter out = new StringWriter();
    int exit = ThemeMirrorCli.run(new String[] {"--help"}, Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    String usage = out.toString().replace("\r\n", "\n");
    assertThat(exit).isZero();
    assertThat(usage).contains("Usage: theme-mirror");
    if (Boolean.getBoolean("mozaiks.usage.write")) {
      Files.writeString(USAGE_FILE, usage, StandardCharsets.UTF_8);
    }
    String file = Files.readString(USAGE_FILE, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertThat(file).as(USAGE_FILE + " is stale; regenerate it (see this test's comment)").isEqualTo(usage);
  }
}
