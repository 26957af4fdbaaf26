package io.mozaiks.identity.mirror.state;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user folder for locks, backups and the record of our last writes. Never inside either repository:
 * a lock or backup there would show up in {@code git status} and could be committed.
 */
public final class StateDirectory {
    /** Test and power-user override. */
    public static final String OVERRIDE_VARIABLE = "MOZAIKS_MIRROR_STATE_DIR";

    private StateDirectory() {
    }

    /**
     * Where the state folder is, as a pure function of the environment: the override; on Windows
     * {@code %LOCALAPPDATA%\mozaiks\theme-mirror}; elsewhere {@code $XDG_STATE_HOME/mozaiks/theme-mirror}
     * or {@code ~/.local/state/mozaiks/theme-mirror}. Returned as path segments to join with java.nio.
     */
    public static List<String> locate(Map<String, String> environment, boolean windows, String userHome) {
        String override = environment.get(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return List.of(override);
        }
        if (windows) {
            String localAppData = environment.get("LOCALAPPDATA");
            if (localAppData != null && !localAppData.isBlank()) {
                return List.of(localAppData, "mozaiks", "theme-mirror");
            }
            return List.of(userHome, "AppData", "Local", "mozaiks", "theme-mirror");
        }
        String xdg = environment.get("XDG_STATE_HOME");
        if (xdg != null && xdg.startsWith("/")) { // the XDG spec says to ignore relative values
            return List.of(xdg, "mozaiks", "theme-mirror");
        }
        return List.of(userHome, ".local", "state", "mozaiks", "theme-mirror");
    }

    /** Creates the folder (owner-only where POSIX permissions exist) and checks it is outside the repositories. */
    public static Path prepare(List<String> segments, List<Path> repositories) throws IOException {
        Path dir = Path.of(segments.get(0), segments.subList(1, segments.size()).toArray(String[]::new))
                .toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path real = dir.toRealPath();
        Optional<Path> inside = repositories.stream().filter(real::startsWith).findFirst();
        if (inside.isPresent()) {
            throw new IOException("state folder " + real + " is inside the repository " + inside.get()
                    + "; set " + OVERRIDE_VARIABLE + " to a folder outside both repositories");
        }
        return real;
    }
}
