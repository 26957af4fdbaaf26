package io.mozaiks.identity.mirror.plan;

import io.mozaiks.identity.mirror.allowlist.TargetPolicy;
import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import java.io.IOException;

/**
 * Requires the target prefix folder to exist in mozaiks-core. It is never created: a missing prefix usually
 * means an older checkout (different layout) or the wrong root, and creating folders there would be a guess.
 */
public final class LayoutCheck {
    private LayoutCheck() {
    }

    public static void requirePrefix(SafeRoot core) throws IOException, LayoutMissingException {
        SafeRoot.Entry prefix = core.inspect(RelativePath.of(stripSlash(TargetPolicy.TARGET_PREFIX)));
        if (prefix.kind() == SafeRoot.Kind.DIRECTORY) {
            return;
        }
        SafeRoot.Entry older = core.inspect(RelativePath.of(stripSlash(TargetPolicy.OLDER_LAYOUT)));
        String found = older.kind() == SafeRoot.Kind.DIRECTORY
                ? "this checkout has the older layout " + TargetPolicy.OLDER_LAYOUT + "; update mozaiks-core"
                : "neither the current layout " + TargetPolicy.TARGET_PREFIX + " nor the older layout "
                        + TargetPolicy.OLDER_LAYOUT + " exists; check MOZAIKS_CORE_ROOT";
        throw new LayoutMissingException("target folder " + TargetPolicy.TARGET_PREFIX + " is missing in "
                + core.root() + " (expected layout " + TargetPolicy.TARGET_PREFIX + ", older layout "
                + TargetPolicy.OLDER_LAYOUT + "): " + found + "; this tool never creates it");
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
