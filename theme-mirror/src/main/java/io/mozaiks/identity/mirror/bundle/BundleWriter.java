package io.mozaiks.identity.mirror.bundle;

import io.mozaiks.identity.mirror.path.SafeRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a validated bundle all-or-nothing: everything goes into a fresh staging folder BESIDE the output
 * folder (same filesystem, so renames are atomic), and only a complete staging folder is renamed into place.
 *
 * <p>Existing output folder: a new or EMPTY folder is fine; a non-empty one is refused unless
 * {@code --replace}, which swaps it for the new bundle (old tree moved aside, then deleted without following
 * links). A link at the output folder's own place is always refused; links planted inside it are never
 * followed because nothing is ever written into the old folder.
 */
public final class BundleWriter {
    /** Marks this tool's sibling folders: {@code .<name>.theme-mirror-bundle-<hex>.staging} / {@code .old}. */
    public static final String SIBLING_MARK = ".theme-mirror-bundle-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BundleWriter() {
    }

    public static BundleResult write(Path out, List<ValidatedFile> files, boolean replace)
            throws IOException, BundleRefusedException {
        Path absolute = out.toAbsolutePath();
        for (Path element : absolute) {
            if (element.toString().equals("..")) {
                throw new BundleRefusedException("--out must not contain '..': " + out, false);
            }
        }
        absolute = absolute.normalize();
        if (absolute.getFileName() == null || absolute.getParent() == null) {
            throw new BundleRefusedException("--out must name a folder below an existing parent: " + out, false);
        }
        String name = absolute.getFileName().toString();
        Path parent;
        try {
            parent = absolute.getParent().toRealPath(); // the parent itself may sit behind a link
        } catch (NoSuchFileException e) {
            throw new BundleRefusedException("the parent folder of --out does not exist: " + absolute.getParent()
                    + "; create it first", false);
        }
        Path target = parent.resolve(name);
        boolean exists = checkExisting(target, replace);

        String random = HexFormat.of().formatHex(randomBytes());
        Path staging = parent.resolve("." + name + SIBLING_MARK + random + ".staging");
        Files.createDirectory(staging);
        try {
            SafeRoot root = SafeRoot.open(staging);
            for (ValidatedFile file : files) {
                root.writeNewFile(file.path(), file.content());
            }
            if (exists) {
                Path old = parent.resolve("." + name + SIBLING_MARK + random + ".old");
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the old folder back
                    throw e;
                }
                TreeDeleter.delete(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            TreeDeleter.delete(staging); // no-op after a successful move
        }
        return new BundleResult(target, exists, files);
    }

    /** True when a folder is there to be swapped; throws when the place is unusable. */
    private static boolean checkExisting(Path target, boolean replace) throws IOException, BundleRefusedException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return false;
        }
        if (attributes.isSymbolicLink() || attributes.isOther()) {
            throw new BundleRefusedException("--out " + target + " is a symbolic link, junction or special file;"
                    + " refusing to follow it; remove it or choose another folder", false);
        }
        if (!attributes.isDirectory()) {
            throw new BundleRefusedException("--out " + target + " is a file; choose a folder", false);
        }
        boolean empty;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            empty = !entries.iterator().hasNext();
        }
        if (!empty && !replace) {
            throw new BundleRefusedException("--out " + target + " exists and is not empty; pass --replace to swap"
                    + " it for the new bundle, or choose a new folder", false);
        }
        return true;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
