package io.mozaiks.identity.mirror.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options shared by plan, apply and check. The defaults come from system properties set by the
 * bin/theme-mirror launchers (absolute paths in this repository), falling back to paths relative to the
 * current folder when run with plain {@code java -jar}.
 */
public final class MirrorOptions {
    public static final String ALLOWLIST_PROPERTY = "theme.mirror.allowlist";
    public static final String THEMES_PROPERTY = "theme.mirror.themes";

    @Option(names = "--allowlist", paramLabel = "FILE",
            defaultValue = "${sys:" + ALLOWLIST_PROPERTY + ":-themes/mirror-allowlist}",
            description = "Allowlist file (default: ${DEFAULT-VALUE}).")
    Path allowlist;

    @Option(names = "--themes", paramLabel = "DIR",
            defaultValue = "${sys:" + THEMES_PROPERTY + ":-themes}",
            description = "Folder the allowlist's sources are relative to (default: ${DEFAULT-VALUE}).")
    Path themes;

    @Option(names = "--json", description = "Print a JSON report on stdout instead of a table.")
    boolean json;
}
