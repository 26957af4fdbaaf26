package io.mozaiks.identity.mirror.references;

import io.mozaiks.identity.pathsafety.RelativePath;
import java.util.List;

/**
 * Whether the theme's pages use one allowlisted target: the files that reference it, or none (an orphan: a
 * file mirrored there would be shown by nothing).
 */
public record TargetUsage(List<String> referencedBy) {
    public TargetUsage {
        referencedBy = List.copyOf(referencedBy);
    }

    public boolean orphan() {
        return referencedBy.isEmpty();
    }

    /**
     * The usage of {@code target} (relative to the checkout) given the references of the theme whose
     * {@code resources} folder is {@code resourcesSegments}; a target outside that folder is an orphan.
     */
    public static TargetUsage of(ThemeReferences references, RelativePath target, List<String> resourcesSegments) {
        if (!target.startsWith(resourcesSegments) || target.depth() <= resourcesSegments.size()) {
            return new TargetUsage(List.of());
        }
        String resource = String.join("/", target.segments().subList(resourcesSegments.size(), target.depth()));
        return new TargetUsage(references.referencesTo(resource));
    }

    /** The note shown for an orphan: what was read, so the operator knows where nothing was found. */
    public static String orphanNote(String resource, ThemeReferences references) {
        return "orphan: nothing in the target theme references " + resource + " (read "
                + (references.filesRead().isEmpty() ? "no theme files" : String.join(", ", references.filesRead()))
                + "); mozaiks-core's login page would not show it";
    }
}
