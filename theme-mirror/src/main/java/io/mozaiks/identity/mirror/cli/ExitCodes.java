package io.mozaiks.identity.mirror.cli;

/** Every exit code of theme-mirror. Documented in docs/theme-mirror.md; keep both in step. */
public final class ExitCodes {
    /** Done: plan/apply found nothing wrong, check found every target in sync, the bundle was written. */
    public static final int OK = 0;
    /** check: some target differs from its source. plan/apply: a target was edited locally (conflict). */
    public static final int DRIFT_OR_CONFLICT = 1;
    /** Bad command line (unknown option, missing argument, a limit flag above its default). */
    public static final int USAGE = 2;
    /** MOZAIKS_CORE_ROOT is unset or is not the top level of a git work tree: mirroring is off. */
    public static final int OPT_IN_OFF = 3;
    /** Another run holds the lock for this mozaiks-core root. */
    public static final int LOCK_HELD = 4;
    /** Refused as unsafe: a link or junction, a hostile path, active SVG, a bad bundle entry, --out unusable. */
    public static final int REFUSED = 5;
    /** The target folder (examples/keycloak/theme/mozaiks/login/resources/img/) is missing in mozaiks-core. */
    public static final int LAYOUT_MISSING = 6;
    /** The allowlist file is missing or malformed (message names the line). */
    public static final int ALLOWLIST_INVALID = 7;
    /** write-bundle: a file-count or size limit was exceeded. */
    public static final int LIMIT_EXCEEDED = 8;
    /** An I/O or environment error (unreadable state folder, disk full, git not runnable...). */
    public static final int IO_ERROR = 9;
    /**
     * check: every target is in sync, but some allowlisted target is referenced by nothing in mozaiks-core's
     * login theme (an orphan), and --allow-orphans was not given.
     */
    public static final int ORPHAN = 10;

    private ExitCodes() {
    }
}
