package io.mozaiks.identity.release;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Which line ending a file must have in every working tree, judged from its name and first bytes: a
 * shell script (shebang) breaks with CRLF ("bash\r"), a batch file is mis-parsed by cmd.exe with LF.
 * Anything else is not a script and may follow the platform.
 */
final class ScriptLineEnding {

  private ScriptLineEnding() {}

  /** The {@code eol} attribute value a script needs ("lf" or "crlf"), or empty when the file is no script. */
  static Optional<String> required(String path, byte[] head) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.endsWith(".cmd") || name.endsWith(".bat")) {
      return Optional.of("crlf");
    }
    if (name.endsWith(".sh") || startsWithShebang(head)) {
      return Optional.of("lf");
    }
    return Optional.empty();
  }

  private static boolean startsWithShebang(byte[] head) {
    return head.length >= 2 && new String(head, 0, 2, StandardCharsets.US_ASCII).equals("#!");
  }
}
