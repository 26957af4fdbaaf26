package io.mozaiks.identity.mirror.state;

import java.nio.file.Path;

/** File names inside the state folder for one root. */
public record StateLayout(Path stateDir, String rootKey) {
    public static StateLayout of(Path stateDir, Path realRoot) {
        return new StateLayout(stateDir, RootKey.of(realRoot));
    }

    public Path lockFile() {
        return stateDir.resolve("locks").resolve(rootKey + ".lock");
    }

    public Path rootDir() {
        return stateDir.resolve("roots").resolve(rootKey);
    }

    public Path ledgerFile() {
        return rootDir().resolve("last-writes.json");
    }

    public Path backupsDir() {
        return rootDir().resolve("backups");
    }
}
