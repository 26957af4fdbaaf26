package io.mozaiks.identity.pathsafety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The ONE lstat: what a single path names, without following a link at it. Every check in this package
 * classifies through here, so a junction is recognised the same way everywhere: on Windows it reports
 * BOTH {@code isDirectory()} and {@code isOther()}, so {@code isOther()} must be asked before
 * {@code isDirectory()}, or the junction is taken for a folder and walked.
 */
final class NoFollow {
    /** The kind and, for a regular file, its size (-1 otherwise). */
    record Stat(SafeRoot.Kind kind, long size) {
    }

    private NoFollow() {
    }

    static Stat stat(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return new Stat(SafeRoot.Kind.MISSING, -1);
        }
        if (attributes.isSymbolicLink()) {
            return new Stat(SafeRoot.Kind.LINK, -1);
        }
        if (attributes.isOther()) {
            return new Stat(SafeRoot.Kind.OTHER, -1);
        }
        if (attributes.isDirectory()) {
            return new Stat(SafeRoot.Kind.DIRECTORY, -1);
        }
        if (attributes.isRegularFile()) {
            return new Stat(SafeRoot.Kind.FILE, attributes.size());
        }
        return new Stat(SafeRoot.Kind.OTHER, -1);
    }
}
