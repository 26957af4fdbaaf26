package io.mozaiks.identity.pathsafety;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Detects names in one set (a bundle, an allowlist) that would land on the same file on a case-insensitive
 * or normalising filesystem (NTFS, APFS, HFS+): {@code Logo.svg} vs {@code logo.svg}, or {@code é} composed
 * vs decomposed. Also refuses a name used both as a file and as a folder ({@code a} and {@code a/b}).
 */
public final class NameCollisions {
    private enum Kind { FILE, FOLDER }

    private final Map<String, String> originalByKey = new HashMap<>();
    private final Map<String, Kind> kindByKey = new HashMap<>();

    /**
     * The comparison key: NFC, case-folded (upper then lower, so e.g. 'ß' and "SS" meet), then NFC again,
     * because case mapping can decompose ('ΐ' upper-cases to three code points) and must not hide a collision.
     */
    public static String fold(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return Normalizer.normalize(nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /** Registers a file path; returns the reason when it collides with one registered before. */
    public Optional<String> add(RelativePath path) {
        List<String> segments = path.segments();
        StringBuilder key = new StringBuilder();
        StringBuilder original = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                key.append('/');
                original.append('/');
            }
            key.append(fold(segments.get(i)));
            original.append(segments.get(i));
            Kind kind = i == segments.size() - 1 ? Kind.FILE : Kind.FOLDER;
            String k = key.toString();
            Kind existing = kindByKey.get(k);
            if (existing == null) {
                kindByKey.put(k, kind);
                originalByKey.put(k, original.toString());
                continue;
            }
            String earlier = originalByKey.get(k);
            if (existing == Kind.FILE || kind == Kind.FILE) {
                if (earlier.equals(original.toString())) {
                    return Optional.of(existing == kind
                            ? "duplicate of an earlier entry"
                            : "'" + earlier + "' is used both as a file and as a folder");
                }
                return Optional.of("collides with '" + PathRules.printable(earlier)
                        + "' on case-insensitive or Unicode-normalising filesystems");
            }
            if (!earlier.equals(original.toString())) {
                return Optional.of("folder '" + PathRules.printable(original.toString()) + "' collides with '"
                        + PathRules.printable(earlier) + "' on case-insensitive or Unicode-normalising filesystems");
            }
        }
        return Optional.empty();
    }
}
