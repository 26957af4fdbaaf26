package io.mozaiks.identity.mirror.bundle;

import io.mozaiks.identity.pathsafety.PathRules;
import io.mozaiks.identity.pathsafety.PathVerdict;
import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import io.mozaiks.identity.pathsafety.UnsafePathException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a validated bundle all-or-nothing: everything goes into a fresh staging folder BESIDE the output
 * folder (same filesystem, so renames are atomic), and only a complete staging folder is renamed into place.
 * Every step is a {@link SafeRoot} verb on the output folder's parent.
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
        PathVerdict nameVerdict = PathRules.check(name);
        if (!nameVerdict.isAccepted()) {
            throw new BundleRefusedException("--out folder name '" + name + "' is not portable ("
                    + nameVerdict.reason().orElseThrow() + "); choose another name", false);
        }
        SafeRoot parent;
        try {
            parent = SafeRoot.open(absolute.getParent()); // the parent itself may sit behind a link
        } catch (NoSuchFileException e) {
            throw new BundleRefusedException("the parent folder of --out does not exist: " + absolute.getParent()
                    + "; create it first", false);
        }
        RelativePath target = nameVerdict.path().orElseThrow();
        Path targetPath = target.resolveAgainst(parent.root());
        boolean exists = checkExisting(parent, target, targetPath, replace);

        String random = HexFormat.of().formatHex(randomBytes());
        RelativePath staging = RelativePath.of("." + name + SIBLING_MARK + random + ".staging");
        parent.mkdirs(staging);
        try {
            SafeRoot root = parent.openRoot(staging);
            for (ValidatedFile file : files) {
                root.writeNewFile(file.path(), file.content());
            }
            if (exists) {
                RelativePath old = RelativePath.of("." + name + SIBLING_MARK + random + ".old");
                parent.rename(target, old);
                try {
                    parent.rename(staging, target);
                } catch (IOException e) {
                    parent.rename(old, target); // put the old folder back
                    throw e;
                }
                parent.removeTree(old);
            } else {
                parent.rename(staging, target);
            }
        } finally {
            parent.removeTree(staging); // no-op after a successful move
        }
        return new BundleResult(targetPath, exists, files);
    }

    /** True when a folder is there to be swapped; throws when the place is unusable. */
    private static boolean checkExisting(SafeRoot parent, RelativePath target, Path shown, boolean replace)
            throws IOException, BundleRefusedException {
        SafeRoot.Entry entry;
        try {
            entry = parent.lstat(target);
        } catch (UnsafePathException e) {
            throw new BundleRefusedException("--out " + shown + ": " + e.reason() + "; choose another folder", false);
        }
        switch (entry.kind()) {
            case MISSING:
                return false;
            case LINK:
            case OTHER:
                throw new BundleRefusedException("--out " + shown + " is a symbolic link, junction or special file;"
                        + " refusing to follow it; remove it or choose another folder", false);
            case FILE:
                throw new BundleRefusedException("--out " + shown + " is a file; choose a folder", false);
            default:
                break;
        }
        boolean empty = parent.openRoot(target).list().isEmpty();
        if (!empty && !replace) {
            throw new BundleRefusedException("--out " + shown + " exists and is not empty; pass --replace to swap"
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
