package io.mozaiks.identity.doctor;

/** mozaiks-doctor's exit codes (docs/doctor.md). */
public final class ExitCodes {

    /** Every scheme meant for the token accepts it; the env equals the contract endpoint's. */
    public static final int OK = 0;
    /** A finding: a scheme meant for the token refuses it, or the env differs. */
    public static final int FINDINGS = 1;
    /** {@code realm plan/apply}: the request or the admin account was refused before anything changed. */
    public static final int REFUSED = 2;
    /** Nothing could be checked: the contract endpoint or the input could not be read. */
    public static final int CANNOT_CHECK = 3;
    /** A wrong command line. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
