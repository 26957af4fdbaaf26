package io.mozaiks.identity.pathsafety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An opened folder, and the only way this project touches files below it: the verbs of Go's {@code os.Root}
 * (lstat, read, create-new, mkdirs, atomic replace, rename, remove-tree, list), each taking a
 * {@link RelativePath} and walking it one segment at a time from the root.
 *
 * <p>Threat model. Relative paths come from files other people edit (the theme allowlist), from generated
 * output (workflow {@code code_files}) or from archives (zip entry names); the folders may contain links
 * planted by anyone who can write there. Guaranteed: (1) a path whose spelling could leave the root, or mean
 * something else on Windows, is refused by {@link PathRules} before any I/O; (2) the root is resolved once
 * with {@code toRealPath()} (the root itself may sit behind a link, e.g. macOS {@code /tmp} or a synced
 * folder) and every segment below it is inspected WITHOUT following links: a symbolic link, a Windows
 * junction or other reparse point ({@code isOther()}), or a non-folder in the middle is refused, never
 * traversed; (3) files are read only when regular and below a cap, opened with {@code NOFOLLOW_LINKS},
 * created with {@code CREATE_NEW} and forced to disk, so a link at the final name is never followed;
 * (4) trees are removed without entering links ({@link TreeRemover}).
 *
 * <p>Not guaranteed. Java has no {@code openat2(RESOLVE_BENEATH)}: between the check of a folder and the
 * use of a path through it, a process that can write inside the root could swap the folder for a link (a
 * TOCTOU race). {@code SecureDirectoryStream} would narrow this on Linux/macOS but follows intermediate
 * links in multi-segment paths and cannot create folders, so it is not relied on. On Windows, junctions can
 * be created without admin rights and pure Java cannot make the walk race-free at all. SafeRoot is therefore
 * safe against hostile PATHS and pre-planted links, not against a concurrent attacker with write access to
 * the same folders; that attacker could already change the files directly.
 */
public final class SafeRoot {
    /** What a path names, without following links. {@link #inspect} returns only the first three. */
    public enum Kind { MISSING, FILE, DIRECTORY, LINK, OTHER }

    /** Result of {@link #inspect} or {@link #lstat}: the kind, the path (under the root) and, for files, the size. */
    public record Entry(Kind kind, Path path, long size) {
    }

    /** The final step of {@link #replace}: move the durable temp file over the target. */
    @FunctionalInterface
    public interface Commit {
        void rename(Path temp, Path target) throws IOException;
    }

    /** Atomic rename over the target (MoveFileEx with REPLACE_EXISTING on Windows, rename(2) elsewhere). */
    public static final Commit ATOMIC_RENAME =
            (temp, target) -> Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    private final Path root;

    private SafeRoot(Path root) {
        this.root = root;
    }

    /** Resolves the root once; it must be an existing folder (links to reach it are fine). */
    public static SafeRoot open(Path root) throws IOException {
        Path real = root.toRealPath();
        if (NoFollow.stat(real).kind() != Kind.DIRECTORY) {
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
        Entry entry = lstat(relative);
        String shown = relative.toString();
        switch (entry.kind()) {
            case LINK:
                throw new UnsafePathException(shown, "'" + shown + "' is a symbolic link");
            case OTHER:
                throw new UnsafePathException(shown, "'" + shown + "' is a junction, reparse point or special file");
            default:
                return entry;
        }
    }

    /**
     * Like {@link #inspect}, but the LAST segment is reported as it is (LINK, OTHER) instead of refused, as
     * {@code lstat(2)} does; the folders on the way are still walked strictly.
     */
    public Entry lstat(RelativePath relative) throws IOException {
        return SegmentWalk.lstat(root, relative);
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

    /** The existing folder at this path as a root of its own (Go's {@code Root.OpenRoot}). */
    public SafeRoot openRoot(RelativePath folder) throws IOException {
        return new SafeRoot(requireDirectory(folder));
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
        return DurableFiles.readCapped(entry.path(), maxBytes).orElseThrow(() ->
                new UnsafePathException(relative.toString(), "file grew above the cap of " + maxBytes + " bytes"));
    }

    /** The names in the root folder itself, sorted; use {@link #openRoot} first to list a folder below it. */
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    /**
     * Creates the missing folders of {@code folder} one segment at a time ({@code createDirectory} fails on
     * anything already there, including a dangling link) and re-checks each without following links.
     */
    public Path mkdirs(RelativePath folder) throws IOException {
        return mkdirs(folder.segments());
    }

    private Path mkdirs(List<String> validatedSegments) throws IOException {
        Path current = root;
        for (int i = 0; i < validatedSegments.size(); i++) {
            current = current.resolve(validatedSegments.get(i));
            try {
                Files.createDirectory(current);
            } catch (FileAlreadyExistsException exists) {
                // fine if it is a real folder: checked below
            }
            if (NoFollow.stat(current).kind() != Kind.DIRECTORY) {
                String shown = String.join("/", validatedSegments.subList(0, i + 1));
                throw new UnsafePathException(shown, "'" + shown + "' exists and is not a plain folder");
            }
        }
        return current;
    }

    /**
     * Writes a NEW regular file (never replacing or following anything at that name) and forces it to disk.
     * Missing parent folders are created as {@link #mkdirs} does.
     */
    public Path writeNewFile(RelativePath relative, byte[] content) throws IOException {
        Path file = mkdirs(relative.parentSegments()).resolve(relative.fileName());
        DurableFiles.writeNew(file, content);
        return file;
    }

    /** {@link #writeNewFile(RelativePath, byte[])} from a stream, for content too large to hold in memory. */
    public Path writeNewFile(RelativePath relative, InputStream content) throws IOException {
        Path file = mkdirs(relative.parentSegments()).resolve(relative.fileName());
        DurableFiles.writeNew(file, content);
        return file;
    }

    /**
     * Replaces (or creates) one file so that, whenever the process dies, it is either fully old or fully new:
     * a durable temp file named {@code tempName} beside the target (same folder, so the rename is atomic),
     * then {@code commit} renames it over the target, then the folder is synced. The temp file never survives
     * a normal return or exception. The target's folder must exist; a link or folder at the target is refused.
     */
    public void replace(RelativePath target, String tempName, byte[] content, Commit commit) throws IOException {
        RelativePath temp = target.sibling(tempName);
        Path folder = target.parent().isPresent() ? requireDirectory(target.parent().get()) : root;
        if (inspect(target).kind() == Kind.DIRECTORY) {
            throw new UnsafePathException(target.toString(), "is a folder, expected a file");
        }
        Path tempFile = folder.resolve(temp.fileName());
        try {
            DurableFiles.writeNew(tempFile, content);
            commit.rename(tempFile, folder.resolve(target.fileName()));
            DurableFiles.syncFolder(folder);
        } finally {
            Files.deleteIfExists(tempFile);
        }
    }

    /**
     * Atomically renames {@code from} (whatever it is: a link is moved as a link) to {@code to}, which must
     * not exist yet. Both folders must exist and are walked strictly.
     */
    public void rename(RelativePath from, RelativePath to) throws IOException {
        Entry source = lstat(from);
        if (source.kind() == Kind.MISSING) {
            throw new NoSuchFileException(source.path().toString());
        }
        Entry destination = lstat(to);
        if (destination.kind() != Kind.MISSING) {
            throw new FileAlreadyExistsException(destination.path().toString());
        }
        if (to.parent().isPresent()) {
            requireDirectory(to.parent().get());
        }
        Files.move(source.path(), destination.path(), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes the entry and, for a folder, everything below it, never descending through a link or junction
     * (a link is removed itself). A missing entry is no error; a link on the way to it is refused.
     */
    public void removeTree(RelativePath relative) throws IOException {
        Entry entry = lstat(relative);
        if (entry.kind() != Kind.MISSING) {
            TreeRemover.removeAt(entry.path());
        }
    }
}
