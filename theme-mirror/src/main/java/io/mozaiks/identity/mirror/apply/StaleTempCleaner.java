package io.mozaiks.identity.mirror.apply;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes temp files a killed run left behind. Runs under the root lock, so no live run owns them. Only
 * names matching {@link TempFileNames#PATTERN} are touched, and only regular files or links (a link is
 * removed itself, never followed).
 */
public final class StaleTempCleaner {
    private StaleTempCleaner() {
    }

    public static List<Path> clean(Path folder) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, p -> TempFileNames.isOurs(p.getFileName().toString()))) {
            for (Path entry : entries) {
                BasicFileAttributes attributes =
                        Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                    Files.deleteIfExists(entry);
                    removed.add(entry);
                }
            }
        }
        return removed;
    }
}
