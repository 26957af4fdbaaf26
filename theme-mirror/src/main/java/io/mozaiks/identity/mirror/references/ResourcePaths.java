package io.mozaiks.identity.mirror.references;

import java.nio.file.Path;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Resolves a relative reference against the folder of the file that holds it, inside a theme's
 * {@code resources} folder, the way the browser resolves it against the resource URL (Keycloak serves
 * {@code resources/css/x.css} as {@code .../login/<theme>/css/x.css}). Resolution uses java.nio's
 * {@code resolve} and {@code normalize} on relative paths only; a result that climbs above the resources
 * folder is refused (empty), never followed.
 */
public final class ResourcePaths {
    private ResourcePaths() {
    }

    /**
     * @param folder   the holder's folder relative to {@code resources}, '/'-separated; "" for the top
     * @param relative a {@link UrlReference.Kind#RELATIVE} path
     * @return the target relative to {@code resources}, '/'-separated, or empty if it leaves the folder
     */
    public static Optional<String> resolve(String folder, String relative) {
        Path base = folder.isEmpty() ? Path.of("") : Path.of("", folder.split("/"));
        Path reference = Path.of("", relative.split("/"));
        if (reference.isAbsolute() || reference.getRoot() != null) {
            return Optional.empty();
        }
        Path resolved = base.resolve(reference).normalize();
        if (resolved.isAbsolute() || resolved.getRoot() != null || resolved.toString().isEmpty()
                || resolved.getName(0).toString().equals("..") || relative.endsWith("/")) {
            return Optional.empty();
        }
        StringJoiner joined = new StringJoiner("/");
        resolved.forEach(name -> joined.add(name.toString()));
        return Optional.of(joined.toString());
    }

    /** The folder part of a '/'-separated resource path ("" at the top). */
    public static String folderOf(String resourcePath) {
        int slash = resourcePath.lastIndexOf('/');
        return slash < 0 ? "" : resourcePath.substring(0, slash);
    }
}
