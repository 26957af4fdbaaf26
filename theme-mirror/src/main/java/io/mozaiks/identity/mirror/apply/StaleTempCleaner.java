package io.mozaiks.identity.mirror.apply;

import io.mozaiks.identity.pathsafety.PathRules;
import io.mozaiks.identity.pathsafety.PathVerdict;
import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes temp files a killed run left behind. Runs under the root lock, so no live run owns them. Only
 * names matching {@link TempFileNames#PATTERN} are touched, and only regular files or links (a link is
 * removed itself, never followed). A name {@link PathRules} refuses was never written by this tool and is
 * left alone.
 */
public final class StaleTempCleaner {
    private StaleTempCleaner() {
    }

    /** Cleans the folder {@code folder} is opened at; returns the removed files. */
    public static List<Path> clean(SafeRoot folder) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (String name : folder.list()) {
            PathVerdict verdict = PathRules.check(name);
            if (!TempFileNames.isOurs(name) || !verdict.isAccepted()) {
                continue;
            }
            RelativePath temp = verdict.path().orElseThrow();
            SafeRoot.Entry entry = folder.lstat(temp);
            if (entry.kind() == SafeRoot.Kind.FILE || entry.kind() == SafeRoot.Kind.LINK) {
                folder.removeTree(temp);
                removed.add(entry.path());
            }
        }
        return removed;
    }
}
