package io.mozaiks.identity.runner;

import io.mozaiks.identity.pathsafety.TreeRemover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copies of one unpacked (and usually already built) distribution, one per cluster node: every node needs
 * its own {@code data/} (and may not share {@code providers/} with a node running another jar). The
 * source's {@code data/} is left out, so each copy starts empty.
 */
public final class DistributionCopy {

    private DistributionCopy() {
    }

    /** Replaces {@code target} with a copy of {@code source} without its {@code data/} folder. */
    public static Path copy(Path source, Path target) {
        if (!Files.isRegularFile(source.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalArgumentException("not a Keycloak distribution (no bin/kc.sh): " + source);
        }
        delete(target);
        Path data = source.resolve("data");
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(data)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + target, e);
        }
        return target;
    }

    /**
     * Deletes a folder tree if it exists, through {@link TreeRemover}: links and Windows junctions are removed,
     * never followed, so a {@code data} folder that is a link to somewhere else loses the link, not what it
     * points to.
     */
    public static void delete(Path dir) {
        try {
            TreeRemover.removeAt(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
