package io.mozaiks.identity.mirror.cli;

/** Stops a command with one exit code and a one-line message (what is wrong, what to do). */
public final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** An I/O error of plan, check or apply: their writes are atomic, so nothing is left half-written. */
    static CliFailure ioError(java.io.IOException e) {
        return new CliFailure(ExitCodes.IO_ERROR, "I/O error: " + e
                + "; nothing was left half-written, check permissions and free space");
    }

    public int exitCode() {
        return exitCode;
    }
}
