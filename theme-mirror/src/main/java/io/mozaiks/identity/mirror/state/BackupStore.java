package io.mozaiks.identity.mirror.state;

import io.mozaiks.identity.mirror.path.RelativePath;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Saves (and flushes) the old content; returns where. */
    public Path save(RelativePath target, byte[] content) throws IOException {
        Path backup = target.resolveAgainst(runDir);
        Files.createDirectories(backup.getParent());
        try (FileChannel channel = FileChannel.open(backup, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return backup;
    }
}
