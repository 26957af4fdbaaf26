package io.mozaiks.identity.mirror.git;

import java.nio.charset.StandardCharsets;

/** Exit code and raw output of one git invocation. */
public record GitResult(int exitCode, byte[] stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** The first line of stderr, for one-line error messages. */
    public String firstErrorLine() {
        String trimmed = stderr.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
