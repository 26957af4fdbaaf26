package io.mozaiks.identity.mirror.allowlist;

/** The allowlist is malformed; carries the 1-based line number (0 for the file as a whole). */
public final class AllowlistException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public AllowlistException(int line, String reason) {
        super(line > 0 ? "allowlist line " + line + ": " + reason : "allowlist: " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
