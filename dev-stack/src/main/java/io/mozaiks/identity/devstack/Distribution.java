package io.mozaiks.identity.devstack;

import io.mozaiks.identity.pathsafety.ArchiveEntryNames;
import io.mozaiks.identity.pathsafety.PathRules;
import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import io.mozaiks.identity.pathsafety.UnsafePathException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak distribution under {@code <home>/keycloak-<version>/}, unpacked once from the zip Maven fetched.
 *
 * <p>Threat model: the zip comes from Maven Central over a checksummed download, but an entry name is still
 * data; a crafted name ({@code ../}, an absolute or drive path, a backslash) must never write outside the
 * unpack folder ("zip slip"). Every name goes through {@link #entryPath} ({@link ArchiveEntryNames}, the
 * path-safety module's rules) and every write is a {@link SafeRoot} verb, which walks each folder without
 * following links and creates each file new. Unpacking goes to a temporary folder that is moved into place
 * at the end, so an interrupted first run never leaves a half distribution that a later run would take for a
 * complete one.
 */
public final class Distribution {

    private Distribution() {
    }

    /** The folder the distribution of {@code version} lives in (it holds {@code bin/kc.sh}). */
    public static Path homeFor(Path stateDir, String version) {
        return stateDir.resolve("keycloak-" + version);
    }

    public static boolean isUnpacked(Path distHome) {
        return Files.isRegularFile(distHome.resolve("bin").resolve("kc.sh"))
                && Files.isRegularFile(distHome.resolve("bin").resolve("kc.bat"))
                && Files.isDirectory(distHome.resolve("lib"));
    }

    /**
     * Unpacks {@code zip} so that its single top folder becomes {@code distHome}.
     *
     * @param progress receives 25, 50, 75 and 100 (percent of entries)
     */
    public static void unpack(Path zip, Path distHome, IntConsumer progress) {
        Path parent = distHome.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            SafeRoot state = SafeRoot.open(parent);
            RelativePath home = RelativePath.of(distHome.getFileName().toString());
            RelativePath temp = RelativePath.of(".unpacking-" + home);
            state.removeTree(temp);
            state.mkdirs(temp);
            SafeRoot root = state.openRoot(temp);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                int total = Math.max(1, file.size());
                int done = 0;
                int reported = 0;
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    RelativePath target = entryPath(entry.getName());
                    if (entry.isDirectory()) {
                        root.mkdirs(target);
                    } else {
                        try (InputStream in = file.getInputStream(entry)) {
                            root.writeNewFile(target, in);
                        }
                    }
                    done++;
                    int percent = done * 100 / total;
                    if (percent / 25 > reported) {
                        reported = percent / 25;
                        progress.accept(reported * 25);
                    }
                }
            }
            RelativePath top = temp.child(singleTopFolder(root));
            state.removeTree(home);
            state.rename(top, home);
            state.removeTree(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip + " into " + distHome, e);
        }
        if (!isUnpacked(distHome)) {
            throw new IllegalStateException(zip + " does not look like a Keycloak distribution (no bin/kc.sh)");
        }
    }

    /**
     * Where a zip entry may be written, relative to the unpack folder; throws for any name that could leave
     * it. Pure: unit-tested with hostile names.
     */
    public static RelativePath entryPath(String entryName) {
        try {
            return ArchiveEntryNames.of(entryName);
        } catch (UnsafePathException refused) {
            throw new ZipSlipException(entryName, refused.reason());
        }
    }

    /** A zip entry that would be written outside the unpack folder. */
    public static final class ZipSlipException extends IllegalStateException {
        ZipSlipException(String name, String why) {
            super("refusing zip entry \"" + PathRules.printable(name) + "\": " + why);
        }
    }

    private static String singleTopFolder(SafeRoot root) throws IOException {
        List<String> all = root.list();
        if (all.size() != 1 || root.lstat(RelativePath.of(all.get(0))).kind() != SafeRoot.Kind.DIRECTORY) {
            throw new IllegalStateException("expected one top folder in the Keycloak zip, found " + all.size());
        }
        return all.get(0);
    }
}
