package io.mozaiks.identity.mirror.references;

import java.util.List;
import java.util.Map;

/**
 * What a theme's pages load from its {@code resources} folder: for each resource path (relative to
 * {@code resources}, '/'-separated, e.g. {@code img/bg.png}) the files that reference it, plus the files that
 * were read and notes on what was not followed and why.
 */
public record ThemeReferences(Map<String, List<String>> referencedBy, List<String> filesRead, List<String> notes) {
    public ThemeReferences {
        referencedBy = Map.copyOf(referencedBy);
        filesRead = List.copyOf(filesRead);
        notes = List.copyOf(notes);
    }

    /** The files that reference this resource; empty when nothing does (an orphan). */
    public List<String> referencesTo(String resourcePath) {
        return referencedBy.getOrDefault(resourcePath, List.of());
    }
}
