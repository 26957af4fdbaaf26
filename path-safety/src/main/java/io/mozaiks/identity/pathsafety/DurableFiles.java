package io.mozaiks.identity.pathsafety;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/** The one write-and-fsync loop and the one capped read; callers have already walked to {@code file}'s folder. */
final class DurableFiles {
    /** CREATE_NEW + NOFOLLOW_LINKS: fails on anything already at the name, a dangling link included. */
    private static final Set<OpenOption> CREATE_NEW =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private DurableFiles() {
    }

    /** Creates {@code file}, writes everything, and forces it to disk before returning. */
    static void writeNew(Path file, InputStream content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, CREATE_NEW)) {
            content.transferTo(Channels.newOutputStream(channel));
            channel.force(true);
        }
    }

    static void writeNew(Path file, byte[] content) throws IOException {
        writeNew(file, new ByteArrayInputStream(content));
    }

    /**
     * Reads at most {@code maxBytes}; returns empty when the file holds more (it may have grown since its
     * size was checked), so the caller can refuse it with its own wording.
     */
    static Optional<byte[]> readCapped(Path file, long maxBytes) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the cap or the end
            }
            if (!buffer.hasRemaining() && buffer.capacity() > maxBytes) {
                return Optional.empty();
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return Optional.of(bytes);
        }
    }

    /** Makes a rename or create in {@code folder} durable. Windows cannot open folders as channels; NTFS journals it. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // best effort, see above
        }
    }
}
