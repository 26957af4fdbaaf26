package io.mozaiks.identity.devstack;

/** Exit codes of {@code bin/dev-stack}; documented in docs/configuration.md. */
public final class ExitCodes {

    /** Stopped cleanly (Ctrl-C) or {@code --help}. */
    public static final int OK = 0;
    /** Keycloak failed to start or stopped by itself; the message names the log file. */
    public static final int FAILED = 1;
    /** The HTTP or management port is already in use. */
    public static final int PORT_TAKEN = 2;
    /** An input is missing: the provider jar, the distribution zip or the realm folder. */
    public static final int MISSING_INPUT = 3;
    /** Invalid command line. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
