package io.mozaiks.identity.mirror.cli;

/** Stops a command with one exit code and a one-line message (what is wrong, what to do). */
public final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
