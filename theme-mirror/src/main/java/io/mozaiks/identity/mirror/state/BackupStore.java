package io.mozaiks.identity.mirror.state;

import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Keeps the content that {@code --force} is about to overwrite, in the state folder (never in a repository). */
public final class BackupStore {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path runDir;

    /** One folder per run, named by time so backups never overwrite each other. */
    public BackupStore(Path backupsDir, Instant runStart) {
        this.runDir = backupsDir.resolve(STAMP.format(runStart) + "-" + ProcessHandle.current().pid());
    }

    /** Saves (and flushes) the old content as a new file below this run's folder; returns where. */
    public Path save(RelativePath target, byte[] content) throws IOException {
        Files.createDirectories(runDir);
        return SafeRoot.open(runDir).writeNewFile(target, content);
    }
}
