package io.mozaiks.identity.pathsafety;

import java.nio.file.Path;
import java.util.List;

/**
 * A path that passed {@link PathRules}: one or more plain segments, no links resolved yet.
 * Only {@link PathRules} creates instances, so holding one means the spelling is safe;
 * whether the filesystem agrees is {@link SafeRoot}'s job.
 */
public final class RelativePath {
    private final List<String> segments;

    RelativePath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /** Parses and validates, throwing with the reason on refusal. */
    public static RelativePath of(String raw) throws UnsafePathException {
        PathVerdict verdict = PathRules.check(raw);
        if (!verdict.isAccepted()) {
            throw new UnsafePathException(raw, verdict.reason().orElseThrow());
        }
        return verdict.path().orElseThrow();
    }

    public List<String> segments() {
        return segments;
    }

    public int depth() {
        return segments.size();
    }

    public String fileName() {
        return segments.get(segments.size() - 1);
    }

    /** The folder part, or an empty list for a top-level name. */
    public List<String> parentSegments() {
        return segments.subList(0, segments.size() - 1);
    }

    /** The folder as a path of its own (its segments were validated with the whole), empty at the top level. */
    public java.util.Optional<RelativePath> parent() {
        return segments.size() < 2 ? java.util.Optional.empty()
                : java.util.Optional.of(new RelativePath(parentSegments()));
    }

    /** The path {@code name} below this folder; {@code name} must be ONE segment that passes {@link PathRules}. */
    public RelativePath child(String name) throws UnsafePathException {
        return extended(segments, name);
    }

    /** The path {@code name} in the same folder as this one, e.g. a temp file beside its target. */
    public RelativePath sibling(String name) throws UnsafePathException {
        return extended(parentSegments(), name);
    }

    private static RelativePath extended(List<String> folder, String name) throws UnsafePathException {
        RelativePath single = of(name);
        if (single.depth() != 1) {
            throw new UnsafePathException(name, "expected one name, not a path");
        }
        List<String> joined = new java.util.ArrayList<>(folder);
        joined.add(name);
        return of(String.join("/", joined)); // re-checked whole: depth and length caps apply to the result
    }

    public boolean startsWith(List<String> prefix) {
        return segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
    }

    /** Joins segment by segment with java.nio (never string concatenation), so separators are the platform's. */
    public Path resolveAgainst(Path root) {
        Path result = root;
        for (String segment : segments) {
            result = result.resolve(segment);
        }
        return result;
    }

    /** Lower-case extension of the file name without the dot, or "" when there is none. */
    public String extension() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Forward-slash form, as used in git and in the allowlist. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RelativePath && ((RelativePath) other).segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
