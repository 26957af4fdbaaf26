package io.mozaiks.identity.mirror.bundle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a folder tree without ever descending through a link. {@code Files.walkFileTree} is not enough on
 * Windows: a junction reports {@code isDirectory()} and would be walked, deleting files OUTSIDE the tree.
 * Here a link, junction or other reparse point is removed itself and never entered.
 */
public final class TreeDeleter {
    private TreeDeleter() {
    }

    public static void delete(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (attributes.isDirectory() && !attributes.isSymbolicLink() && !attributes.isOther()) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    delete(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
