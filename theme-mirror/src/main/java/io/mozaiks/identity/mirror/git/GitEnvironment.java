package io.mozaiks.identity.mirror.git;

import java.util.Locale;
import java.util.Map;

/**
 * The environment git subprocesses run with. Every inherited {@code GIT_*} variable is removed:
 * {@code GIT_DIR}/{@code GIT_WORK_TREE} (set by hooks, IDEs, or a parent git command) would otherwise make
 * {@code git -C root} answer about a DIFFERENT repository, and {@code GIT_INDEX_FILE},
 * {@code GIT_OBJECT_DIRECTORY}, {@code GIT_CONFIG_*} etc. could change what it reads.
 */
public final class GitEnvironment {
    private GitEnvironment() {
    }

    /** Removes inherited git variables in place and sets the few we rely on. */
    public static void scrub(Map<String, String> environment) {
        // Windows environment keys are case-insensitive, so compare upper-cased.
        environment.keySet().removeIf(key -> key.toUpperCase(Locale.ROOT).startsWith("GIT_"));
        environment.put("GIT_TERMINAL_PROMPT", "0");   // never wait for credentials
        environment.put("GIT_OPTIONAL_LOCKS", "0");    // read-only commands must not touch the index
        environment.put("GIT_LITERAL_PATHSPECS", "1"); // a path is a path, never a pathspec pattern
    }
}
