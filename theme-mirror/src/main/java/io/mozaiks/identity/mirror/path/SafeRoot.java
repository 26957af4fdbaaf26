package io.mozaiks.identity.mirror.path;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;

/**
 * The one place where a relative path meets the filesystem. Every command (plan, apply, check,
 * write-bundle) goes through it.
 *
 * <p>Threat model. The relative paths come from files other people edit (the allowlist) or from generated
 * output (workflow {@code code_files}); the folders may contain links planted by anyone who can write there.
 * We guarantee: (1) a path whose spelling could leave the root, or mean something else on Windows, is refused
 * by {@link PathRules} before any I/O; (2) the root is resolved once with {@code toRealPath()} (the root itself
 * may sit behind a link, e.g. macOS {@code /tmp} or a synced folder) and every segment below it is inspected
 * WITHOUT following links; a symbolic link, a Windows junction or other reparse point ({@code isOther()}),
 * or a non-folder in the middle is refused, never traversed; (3) only regular files up to a size cap are
 * read; files are opened with {@code NOFOLLOW_LINKS} and created with {@code CREATE_NEW}, so a link placed at
 * the final name is never followed.
 *
 * <p>Not guaranteed. Java has no {@code openat2(RESOLVE_BENEATH)} or Go {@code os.Root}: between our check of
 * a folder and the use of a path through it, a process that can write inside the root could swap the folder
 * for a link (a TOCTOU race). {@code SecureDirectoryStream} would narrow this on Linux/macOS but follows
 * intermediate links in multi-segment paths and cannot create folders, so we do not rely on it. On Windows,
 * junctions can be created without admin rights and pure Java cannot make the walk race-free at all. The
 * tool is therefore safe against hostile PATHS and pre-planted links, not against a concurrent attacker with
 * write access to the same folders; that attacker could already change the files directly.
 */
public final class SafeRoot {
    /** What a path names, without following links. */
    public enum Kind { MISSING, FILE, DIRECTORY }

    /** Result of {@link #inspect}: the kind, the path (under the root) and, for files, the size. */
    public record Entry(Kind kind, Path path, long size) {
    }

    private final Path root;

    private SafeRoot(Path root) {
        this.root = root;
    }

    /** Resolves the root once; it must be an existing folder (links to reach it are fine). */
    public static SafeRoot open(Path root) throws IOException {
        Path real = root.toRealPath();
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(real.toString(), null, "not a folder");
        }
        return new SafeRoot(real);
    }

    public Path root() {
        return root;
    }

    /**
     * Walks the path one segment at a time without following links. Returns MISSING at the first absent
     * segment; throws {@link UnsafePathException} on a link, junction, special file, or a file used as folder.
     */
    public Entry inspect(RelativePath relative) throws IOException {
        List<String> segments = relative.segments();
        Path current = root;
        for (int i = 0; i < segments.size(); i++) {
            current = current.resolve(segments.get(i));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException missing) {
                return new Entry(Kind.MISSING, relative.resolveAgainst(root), -1);
            }
            String shown = String.join("/", segments.subList(0, i + 1));
            if (attributes.isSymbolicLink()) {
                throw new UnsafePathException(relative.toString(), "'" + shown + "' is a symbolic link");
            }
            if (attributes.isOther()) {
                throw new UnsafePathException(relative.toString(),
                        "'" + shown + "' is a junction, reparse point or special file");
            }
            boolean last = i == segments.size() - 1;
            if (attributes.isDirectory()) {
                requireNoHiddenRedirect(relative, shown, current);
                if (last) {
                    return new Entry(Kind.DIRECTORY, current, -1);
                }
            } else if (!last) {
                throw new UnsafePathException(relative.toString(), "'" + shown + "' is not a folder");
            } else if (attributes.isRegularFile()) {
                return new Entry(Kind.FILE, current, attributes.size());
            } else {
                throw new UnsafePathException(relative.toString(), "'" + shown + "' is not a regular file");
            }
        }
        throw new IllegalStateException("a RelativePath has at least one segment");
    }

    /**
     * Belt and braces for Windows, where a junction may not report as a link: a folder reached without links
     * must have the real path we walked. A mismatch (link, junction, or different letter case on a
     * case-insensitive disk) is refused rather than guessed about.
     */
    private void requireNoHiddenRedirect(RelativePath relative, String shown, Path walked) throws IOException {
        Path real = walked.toRealPath();
        if (!real.equals(walked)) {
            throw new UnsafePathException(relative.toString(), "'" + shown + "' resolves to " + real
                    + " (a link, junction, or different letter case); use the exact on-disk name");
        }
    }

    /** The existing folder at this path, or an exception saying why it is not usable. */
    public Path requireDirectory(RelativePath relative) throws IOException {
        Entry entry = inspect(relative);
        if (entry.kind() == Kind.MISSING) {
            throw new NoSuchFileException(entry.path().toString(), null, "folder does not exist");
        }
        if (entry.kind() != Kind.DIRECTORY) {
            throw new UnsafePathException(relative.toString(), "is a file, expected a folder");
        }
        return entry.path();
    }

    /** Reads a regular file below the root, refusing links anywhere on the way and files above {@code maxBytes}. */
    public byte[] readFile(RelativePath relative, long maxBytes) throws IOException {
        Entry entry = inspect(relative);
        if (entry.kind() == Kind.MISSING) {
            throw new NoSuchFileException(entry.path().toString());
        }
        if (entry.kind() != Kind.FILE) {
            throw new UnsafePathException(relative.toString(), "is a folder, expected a file");
        }
        if (entry.size() > maxBytes) {
            throw new UnsafePathException(relative.toString(),
                    "file is " + entry.size() + " bytes, above the cap of " + maxBytes);
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try (SeekableByteChannel channel = Files.newByteChannel(entry.path(), options)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading; the file may have grown since we looked at its size
            }
            if (!buffer.hasRemaining() && buffer.capacity() > maxBytes) {
                throw new UnsafePathException(relative.toString(), "file grew above the cap of " + maxBytes + " bytes");
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }
    }

    /**
     * Creates the missing folders of {@code folder} one segment at a time ({@code createDirectory} fails on
     * anything already there, including a dangling link) and re-checks each without following links.
     */
    public Path createDirectories(List<String> folderSegments) throws IOException {
        Path current = root;
        for (int i = 0; i < folderSegments.size(); i++) {
            current = current.resolve(folderSegments.get(i));
            try {
                Files.createDirectory(current);
            } catch (FileAlreadyExistsException exists) {
                // fine if it is a real folder: checked below
            }
            BasicFileAttributes attributes =
                    Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String shown = String.join("/", folderSegments.subList(0, i + 1));
            if (attributes.isSymbolicLink() || attributes.isOther() || !attributes.isDirectory()) {
                throw new UnsafePathException(shown, "'" + shown + "' exists and is not a plain folder");
            }
        }
        return current;
    }

    /**
     * Writes a NEW regular file (never replacing or following anything at that name) and flushes it to disk.
     * Missing parent folders are created through {@link #createDirectories}.
     */
    public Path writeNewFile(RelativePath relative, byte[] content) throws IOException {
        Path parent = createDirectories(relative.parentSegments());
        Path file = parent.resolve(relative.fileName());
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try (FileChannel channel = FileChannel.open(file, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return file;
    }
}
