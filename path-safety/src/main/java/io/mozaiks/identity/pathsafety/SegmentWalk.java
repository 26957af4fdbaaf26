package io.mozaiks.identity.pathsafety;

import io.mozaiks.identity.pathsafety.SafeRoot.Entry;
import io.mozaiks.identity.pathsafety.SafeRoot.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The segment-by-segment walk from a root behind every {@link SafeRoot} verb; links are reported, never followed. */
final class SegmentWalk {
    private SegmentWalk() {
    }

    /** {@link SafeRoot#lstat}: every segment but the last must be a plain folder reached without links. */
    static Entry lstat(Path root, RelativePath relative) throws IOException {
        List<String> segments = relative.segments();
        Path current = root;
        for (int i = 0; i < segments.size(); i++) {
            current = current.resolve(segments.get(i));
            NoFollow.Stat stat = NoFollow.stat(current);
            if (stat.kind() == Kind.MISSING) {
                return new Entry(Kind.MISSING, relative.resolveAgainst(root), -1);
            }
            if (i == segments.size() - 1) {
                if (stat.kind() == Kind.DIRECTORY) {
                    requireNoHiddenRedirect(relative, segments, i, current);
                }
                return new Entry(stat.kind(), current, stat.size());
            }
            requireWalkableFolder(relative, segments, i, current, stat.kind());
        }
        throw new IllegalStateException("a RelativePath has at least one segment");
    }

    private static void requireWalkableFolder(RelativePath relative, List<String> segments, int index, Path walked, Kind kind)
            throws IOException {
        String shown = String.join("/", segments.subList(0, index + 1));
        switch (kind) {
            case LINK:
                throw new UnsafePathException(relative.toString(), "'" + shown + "' is a symbolic link");
            case OTHER:
                throw new UnsafePathException(relative.toString(),
                        "'" + shown + "' is a junction, reparse point or special file");
            case FILE:
                throw new UnsafePathException(relative.toString(), "'" + shown + "' is not a folder");
            default:
                requireNoHiddenRedirect(relative, segments, index, walked);
        }
    }

    /**
     * Belt and braces for Windows, where a junction may not report as a link: a folder reached without links
     * must have the real path we walked. A mismatch (link, junction, or different letter case on a
     * case-insensitive disk) is refused rather than guessed about.
     */
    private static void requireNoHiddenRedirect(RelativePath relative, List<String> segments, int index, Path walked)
            throws IOException {
        Path real = walked.toRealPath();
        if (!real.equals(walked)) {
            String shown = String.join("/", segments.subList(0, index + 1));
            throw new UnsafePathException(relative.toString(), "'" + shown + "' resolves to " + real
                    + " (a link, junction, or different letter case); use the exact on-disk name");
        }
    }
}
