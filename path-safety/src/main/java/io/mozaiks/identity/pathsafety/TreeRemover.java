package io.mozaiks.identity.pathsafety;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Deletes a tree without ever descending through a link. {@code Files.walk} and {@code Files.walkFileTree}
 * are not enough on Windows: a junction reports {@code isDirectory()} and would be walked, deleting files
 * OUTSIDE the tree. Here a link, junction or other reparse point is removed itself and never entered.
 *
 * <p>{@link SafeRoot#removeTree} is the relative verb; {@link #removeAt} is for a place the program chose
 * itself (a node's {@code data/} folder, a work folder): its own location is trusted, nothing below it is.
 */
public final class TreeRemover {
    private TreeRemover() {
    }

    /** Removes {@code place} and everything below it; a missing place is no error. */
    public static void removeAt(Path place) throws IOException {
        if (NoFollow.stat(place).kind() == SafeRoot.Kind.DIRECTORY) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(place)) {
                for (Path child : children) {
                    removeAt(child);
                }
            }
        }
        Files.deleteIfExists(place);
    }
}
