package io.mozaiks.identity.pathsafety;

import java.util.ArrayList;
import java.util.List;

/**
 * Zip entry names as {@link RelativePath}s ("zip slip" guard). An entry name is data: {@code ../}, an absolute
 * or drive path, a backslash must never write outside the unpack folder. Two spellings that zip tools
 * legitimately produce are normalised first: the trailing {@code /} of a folder entry and {@code .}
 * segments; everything else must pass {@link PathRules} unchanged.
 */
public final class ArchiveEntryNames {
    private ArchiveEntryNames() {
    }

    public static PathVerdict check(String entryName) {
        if (entryName == null || entryName.isEmpty()) {
            return PathVerdict.reject("empty entry name");
        }
        String name = entryName.endsWith("/") ? entryName.substring(0, entryName.length() - 1) : entryName;
        List<String> kept = new ArrayList<>();
        for (String segment : name.split("/", -1)) {
            if (!segment.equals(".")) {
                kept.add(segment);
            }
        }
        if (kept.isEmpty() || (kept.size() == 1 && kept.get(0).isEmpty())) {
            return PathVerdict.reject("names the unpack folder itself");
        }
        return PathRules.check(String.join("/", kept));
    }

    /** Like {@link #check}, throwing with the reason on refusal. */
    public static RelativePath of(String entryName) throws UnsafePathException {
        PathVerdict verdict = check(entryName);
        if (!verdict.isAccepted()) {
            throw new UnsafePathException(entryName, verdict.reason().orElseThrow());
        }
        return verdict.path().orElseThrow();
    }
}
