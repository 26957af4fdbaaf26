package io.mozaiks.identity.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every script in the repository has an explicit eol rule in .gitattributes, so a Windows checkout
 * (Git for Windows defaults to core.autocrlf=true) keeps shell scripts LF and batch files CRLF.
 */
class GitAttributesCoverageTest {

  @Test
  void everyScriptHasTheLineEndingItNeedsPinned() throws IOException {
    Optional<GitCheckout> found = GitCheckout.ofThisBuild();
    if (found.isEmpty()) {
      System.out.println("[GitAttributesCoverageTest] skipped: the build does not run in a git checkout");
    }
    assumeTrue(found.isPresent(), "the build does not run in a git checkout");
    GitCheckout checkout = found.get();

    List<String> files = split(checkout.git("ls-files", "-z"));
    Map<String, String> required = new HashMap<>();
    for (String file : files) {
      Path path = checkout.root().resolve(file);
      if (!Files.isRegularFile(path)) {
        continue; // deleted in the work tree, or a submodule
      }
      ScriptLineEnding.required(file, head(path)).ifPresent(eol -> required.put(file, eol));
    }
    assertThat(required).as("scripts found (the test must see some to mean anything)")
        .containsEntry("mvnw", "lf").containsEntry("mvnw.cmd", "crlf").containsEntry("bin/dev-stack", "lf");

    // Output of check-attr -z: path NUL attribute NUL value NUL, per path.
    List<String> answer = split(checkout.gitWithInput(String.join("\0", required.keySet()) + "\0",
        "check-attr", "-z", "--stdin", "eol"));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i + 2 < answer.size(); i += 3) {
      String file = answer.get(i);
      String eol = answer.get(i + 2);
      if (!eol.equals(required.get(file))) {
        wrong.add(file + " needs eol=" + required.get(file) + " but .gitattributes gives eol=" + eol);
      }
    }
    assertThat(answer).hasSize(required.size() * 3);
    assertThat(wrong).as("scripts without their eol rule in .gitattributes").isEmpty();
  }

  private static byte[] head(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(2);
    }
  }

  private static List<String> split(String nulSeparated) {
    List<String> parts = new ArrayList<>(List.of(nulSeparated.split("\0", -1)));
    if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }
}
