package io.mozaiks.identity.mirror.apply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Replaces one file so that, whenever the process dies, the target is either fully old or fully new:
 * write a temp file beside it (same folder = same filesystem, so the rename is atomic), fsync it, rename it
 * over the target, fsync the folder. The temp file never survives a normal run; a killed run's temp file
 * is removed by {@link StaleTempCleaner} next time.
 */
public final class AtomicFileWriter {
    /** Called after the temp file is durable and right before the rename; may veto by throwing. */
    @FunctionalInterface
    public interface BeforeRename {
        void check() throws IOException;
    }

    /** The final rename; replaceable so the Windows "file in use" failure can be simulated in tests. */
    @FunctionalInterface
    public interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    /** Atomic rename over the target (MoveFileEx with REPLACE_EXISTING on Windows, rename(2) elsewhere). */
    public static final Mover ATOMIC_RENAME =
            (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    private final RenameRetry retry;
    private final TestPause pause;
    private final Mover mover;

    public AtomicFileWriter(RenameRetry retry, TestPause pause) {
        this(retry, pause, ATOMIC_RENAME);
    }

    public AtomicFileWriter(RenameRetry retry, TestPause pause, Mover mover) {
        this.retry = retry;
        this.pause = pause;
        this.mover = mover;
    }

    public void replace(Path folder, String fileName, byte[] content, BeforeRename beforeRename) throws IOException {
        Path target = folder.resolve(fileName);
        Path temp = folder.resolve(TempFileNames.forTarget(fileName));
        // CREATE_NEW + NOFOLLOW_LINKS: never opens something planted at the temp name.
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            try (FileChannel channel = FileChannel.open(temp, options)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            pause.beforeRename();
            beforeRename.check();
            retry.run(() -> mover.move(temp, target));
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable. Windows cannot open folders as channels; there NTFS journals it. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // best effort, see above
        }
    }
}
