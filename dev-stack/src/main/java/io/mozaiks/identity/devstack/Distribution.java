package io.mozaiks.identity.devstack;

import io.mozaiks.identity.runner.DistributionCopy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak distribution under {@code <home>/keycloak-<version>/}, unpacked once from the zip Maven fetched.
 *
 * <p>Threat model: the zip comes from Maven Central over a checksummed download, but an entry name is still
 * data; a crafted name ({@code ../}, an absolute or drive path, a backslash) must never write outside the
 * unpack folder ("zip slip"). Every name goes through {@link #resolveInside}. The unpack folder is new and
 * empty, and java.util.zip never creates symbolic links, so no link can redirect a later write.
 * Unpacking goes to a temporary folder that is moved into place at the end, so an interrupted first run
 * never leaves a half distribution that a later run would take for a complete one.
 */
public final class Distribution {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

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
        Path temp = parent.resolve(".unpacking-" + distHome.getFileName());
        try {
            Files.createDirectories(parent);
            DistributionCopy.delete(temp);
            Files.createDirectories(temp);
            Path root = temp.toRealPath();
            try (ZipFile file = new ZipFile(zip.toFile())) {
                int total = Math.max(1, file.size());
                int done = 0;
                int reported = 0;
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path target = resolveInside(root, entry.getName());
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = file.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
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
            Path top = singleTopFolder(root);
            DistributionCopy.delete(distHome);
            Files.move(top, distHome, StandardCopyOption.ATOMIC_MOVE);
            DistributionCopy.delete(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip + " into " + distHome, e);
        }
        if (!isUnpacked(distHome)) {
            throw new IllegalStateException(zip + " does not look like a Keycloak distribution (no bin/kc.sh)");
        }
    }

    /**
     * The path a zip entry may be written to, strictly inside {@code root}; throws for any name that
     * could leave it. Pure: unit-tested with hostile names.
     */
    public static Path resolveInside(Path root, String entryName) {
        if (entryName == null || entryName.isEmpty() || entryName.indexOf('\0') >= 0) {
            throw new ZipSlipException(entryName, "empty or NUL in name");
        }
        if (entryName.startsWith("/") || entryName.contains("\\") || DRIVE.matcher(entryName).matches()) {
            throw new ZipSlipException(entryName, "absolute, drive or backslash path");
        }
        for (String segment : entryName.split("/")) {
            if (segment.equals("..")) {
                throw new ZipSlipException(entryName, "parent segment");
            }
        }
        Path target = root.resolve(entryName).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new ZipSlipException(entryName, "resolves outside the unpack folder");
        }
        return target;
    }

    /** A zip entry that would be written outside the unpack folder. */
    public static final class ZipSlipException extends IllegalStateException {
        ZipSlipException(String name, String why) {
            super("refusing zip entry \"" + name + "\": " + why);
        }
    }

    private static Path singleTopFolder(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            Path[] all = children.toArray(Path[]::new);
            if (all.length != 1 || !Files.isDirectory(all[0])) {
                throw new IllegalStateException("expected one top folder in the Keycloak zip, found " + all.length);
            }
            return all[0];
        }
    }
}
