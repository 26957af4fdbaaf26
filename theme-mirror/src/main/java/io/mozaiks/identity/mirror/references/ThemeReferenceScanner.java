package io.mozaiks.identity.mirror.references;

import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import io.mozaiks.identity.pathsafety.UnsafePathException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a theme the way Keycloak serves it and collects what its pages reference in {@code resources/}:
 * {@code theme.properties} ({@code parent}, {@code import}, {@code styles}), each listed stylesheet's
 * {@code url(...)} and {@code @import} references (followed into imported stylesheets), and the
 * {@code ${url.resourcesPath}/...} references of the {@code .ftl} templates.
 *
 * <p>A parent theme is read only when it lies in the same checkout (the {@code themes root}); Keycloak's
 * built-in themes ({@code keycloak.v2}, {@code base}...) are not there and are noted. Keycloak looks up a
 * resource in the theme first, then in its parents, so any reference in the chain to {@code img/bg.png}
 * shows the theme's own {@code resources/img/bg.png}. Every file is read through {@link SafeRoot}: a link
 * or a reference that leaves the resources folder is noted and never followed.
 */
public final class ThemeReferenceScanner {
    public static final String PROPERTIES_FILE = "theme.properties";
    public static final String RESOURCES = "resources";
    /** Files above this are not theme text; they are noted and skipped. */
    public static final long MAX_TEXT_BYTES = 1024L * 1024;
    /** Deep enough for any real chain; stops a parent cycle. */
    public static final int MAX_PARENTS = 8;

    private final SafeRoot checkout;
    private final Map<String, List<String>> referencedBy = new LinkedHashMap<>();
    private final List<String> filesRead = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ThemeReferenceScanner(SafeRoot checkout) {
        this.checkout = checkout;
    }

    /**
     * @param checkout   the root the theme lies in (mozaiks-core)
     * @param themesRoot the folder holding themes by name (e.g. {@code examples/keycloak/theme})
     * @param themeName  the theme's folder name (e.g. {@code mozaiks})
     * @param type       the theme type folder (e.g. {@code login})
     */
    public static ThemeReferences scan(SafeRoot checkout, RelativePath themesRoot, String themeName, String type)
            throws IOException {
        ThemeReferenceScanner scanner = new ThemeReferenceScanner(checkout);
        scanner.scanChain(themesRoot, themeName, type);
        return new ThemeReferences(scanner.referencedBy, scanner.filesRead, scanner.notes);
    }

    private void scanChain(RelativePath themesRoot, String themeName, String type) throws IOException {
        List<RelativePath> chain = new ArrayList<>();
        Optional<List<String>> styles = Optional.empty();
        String name = themeName;
        Set<String> seen = new LinkedHashSet<>();
        while (name != null) {
            if (!seen.add(name) || seen.size() > MAX_PARENTS) {
                notes.add("parent chain " + String.join(" -> ", seen) + " -> " + name + " loops or is too deep; stopped");
                break;
            }
            Optional<RelativePath> folder = themeFolder(themesRoot, name, type, chain.isEmpty());
            if (folder.isEmpty()) {
                break;
            }
            Optional<ThemeProperties> properties = readProperties(folder.get());
            if (properties.isEmpty()) {
                break;
            }
            chain.add(folder.get());
            for (String imported : properties.get().imports()) {
                notes.add("import=" + imported + " is one of Keycloak's own themes (url.resourcesCommonPath); not read");
            }
            if (styles.isEmpty()) {
                styles = properties.get().styles();
            }
            name = properties.get().parent().orElse(null);
        }
        if (chain.isEmpty()) {
            return;
        }
        scanStylesheets(chain, styles.orElse(List.of()));
        for (RelativePath folder : chain) {
            scanTemplates(folder);
        }
    }

    /** The theme's folder if it exists in the checkout; a missing parent is a built-in theme (noted). */
    private Optional<RelativePath> themeFolder(RelativePath themesRoot, String name, String type, boolean first)
            throws IOException {
        RelativePath folder;
        try {
            folder = themesRoot.child(name).child(type);
        } catch (UnsafePathException e) {
            notes.add("parent theme name '" + name + "' is not a plain folder name (" + e.getMessage() + "); not read");
            return Optional.empty();
        }
        SafeRoot.Kind kind;
        try {
            kind = checkout.inspect(folder).kind();
        } catch (UnsafePathException e) {
            notes.add("theme folder " + folder + " refused: " + e.getMessage() + "; not read");
            return Optional.empty();
        }
        if (kind == SafeRoot.Kind.DIRECTORY) {
            return Optional.of(folder);
        }
        notes.add(first ? "theme folder " + folder + " does not exist"
                : "parent theme '" + name + "' is not in this checkout (built into Keycloak); not read");
        return Optional.empty();
    }

    private Optional<ThemeProperties> readProperties(RelativePath folder) throws IOException {
        RelativePath file = folder.child(PROPERTIES_FILE);
        Optional<byte[]> content = read(file, "theme.properties");
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ThemeProperties.parse(content.get()));
        } catch (IllegalArgumentException e) {
            notes.add(file + " is malformed (" + e.getMessage() + "); Keycloak could not load this theme either");
            return Optional.empty();
        }
    }

    /** The stylesheets named by styles=, looked up child first, then parents, like Keycloak's resources. */
    private void scanStylesheets(List<RelativePath> chain, List<String> styles) throws IOException {
        Deque<String> queue = new ArrayDeque<>();
        Set<String> visited = new LinkedHashSet<>();
        for (String style : styles) {
            UrlReference reference = UrlReference.parse(style);
            Optional<String> path = reference.kind() == UrlReference.Kind.RELATIVE
                    ? ResourcePaths.resolve("", reference.path()) : Optional.empty();
            if (path.isEmpty()) {
                notes.add("styles=" + style + " is not a stylesheet inside the theme's resources folder; not read");
                continue;
            }
            queue.add(path.get());
        }
        while (!queue.isEmpty()) {
            String stylesheet = queue.removeFirst();
            if (!visited.add(stylesheet)) {
                continue;
            }
            Optional<Loaded> css = readResource(chain, stylesheet);
            if (css.isEmpty()) {
                continue;
            }
            String holder = css.get().file().toString();
            for (String raw : CssUrlExtractor.references(new String(css.get().content(), StandardCharsets.UTF_8))) {
                Optional<String> target = resolve(holder, ResourcePaths.folderOf(stylesheet), raw);
                if (target.isPresent()) {
                    record(target.get(), holder);
                    if (target.get().endsWith(".css")) {
                        queue.add(target.get());
                    }
                }
            }
        }
    }

    private void scanTemplates(RelativePath folder) throws IOException {
        List<String> names;
        try {
            names = checkout.openRoot(folder).list();
        } catch (UnsafePathException e) {
            notes.add(folder + " refused: " + e.getMessage() + "; templates not read");
            return;
        } catch (IOException e) {
            notes.add(folder + " could not be listed (" + e + "); templates not read");
            return;
        }
        for (String name : names) {
            if (!name.endsWith(".ftl")) {
                continue;
            }
            RelativePath file;
            try {
                file = folder.child(name);
            } catch (UnsafePathException e) {
                notes.add("template name '" + name + "' refused: " + e.getMessage() + "; not read");
                continue;
            }
            Optional<byte[]> template = read(file, "template");
            if (template.isEmpty()) {
                continue;
            }
            for (String raw : FtlResourceExtractor.references(new String(template.get(), StandardCharsets.UTF_8))) {
                resolve(file.toString(), "", raw).ifPresent(target -> record(target, file.toString()));
            }
        }
    }

    private Optional<String> resolve(String holder, String folder, String raw) {
        UrlReference reference = UrlReference.parse(raw);
        if (reference.kind() != UrlReference.Kind.RELATIVE) {
            if (reference.kind() != UrlReference.Kind.DATA && reference.kind() != UrlReference.Kind.FRAGMENT_ONLY) {
                notes.add(holder + ": '" + abbreviate(raw) + "' ignored: " + reference.whyIgnored());
            }
            return Optional.empty();
        }
        Optional<String> resolved = ResourcePaths.resolve(folder, reference.path());
        if (resolved.isEmpty()) {
            notes.add(holder + ": '" + abbreviate(raw) + "' ignored: it leaves the theme's resources folder");
        }
        return resolved;
    }

    private void record(String resource, String holder) {
        List<String> holders = referencedBy.computeIfAbsent(resource, key -> new ArrayList<>());
        if (!holders.contains(holder)) {
            holders.add(holder);
        }
    }

    /** A file that was read, and where it was found. */
    private record Loaded(RelativePath file, byte[] content) {
    }

    /** A resource of the chain, child first; noted when no theme in the chain has it. */
    private Optional<Loaded> readResource(List<RelativePath> chain, String resource) throws IOException {
        for (RelativePath folder : chain) {
            RelativePath file;
            try {
                file = below(folder.child(RESOURCES), resource);
            } catch (UnsafePathException e) {
                notes.add("stylesheet " + resource + " refused: " + e.getMessage() + "; not read");
                return Optional.empty();
            }
            SafeRoot.Kind kind;
            try {
                kind = checkout.inspect(file).kind();
            } catch (UnsafePathException e) {
                notes.add("stylesheet " + file + " refused: " + e.getMessage() + "; not read");
                return Optional.empty();
            }
            if (kind != SafeRoot.Kind.MISSING) {
                RelativePath found = file;
                return read(file, "stylesheet").map(content -> new Loaded(found, content));
            }
        }
        notes.add("stylesheet " + resource + " is not in this theme" + (chain.size() > 1 ? " or its parents" : "")
                + " (a built-in parent serves it); not read");
        return Optional.empty();
    }

    /** {@code folder} extended by the '/'-separated segments of {@code path}, each checked by the path rules. */
    static RelativePath below(RelativePath folder, String path) throws UnsafePathException {
        RelativePath result = folder;
        for (String segment : path.split("/")) {
            result = result.child(segment);
        }
        return result;
    }

    private Optional<byte[]> read(RelativePath file, String what) throws IOException {
        try {
            byte[] content = checkout.readFile(file, MAX_TEXT_BYTES);
            filesRead.add(file.toString());
            return Optional.of(content);
        } catch (NoSuchFileException e) {
            notes.add(what + " " + file + " does not exist");
        } catch (UnsafePathException e) {
            notes.add(what + " " + file + " refused: " + e.getMessage() + "; not read");
        } catch (IOException e) {
            // An unreadable theme file must not stop the mirror; it only means fewer known references.
            notes.add(what + " " + file + " could not be read (" + e + ")");
        }
        return Optional.empty();
    }

    private static String abbreviate(String raw) {
        String oneLine = raw.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
