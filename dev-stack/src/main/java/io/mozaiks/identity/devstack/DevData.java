package io.mozaiks.identity.devstack;

import io.mozaiks.identity.runner.DistributionCopy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Step 2 of {@code bin/dev-stack}: the persistent dev database and the record of the realm files it was made
 * from. Keycloak skips realms that already exist, so a changed realm file is only announced, never applied.
 */
final class DevData {

    private DevData() {
    }

    /** @return the H2 database folder Keycloak will use */
    static Path prepare(PrintWriter out, Path distHome, Path state, Path realms, List<Path> realmFiles, String realmName,
                        boolean reset) throws IOException {
        Path data = distHome.resolve("data");
        Path database = data.resolve("h2");
        if (reset) {
            DevStackCli.step(out, 2, "--reset: deleting " + data + " and " + state.resolve(RealmFingerprint.FILE_NAME));
            DistributionCopy.delete(data);
            Files.deleteIfExists(state.resolve(RealmFingerprint.FILE_NAME));
        }
        Map<String, String> current = RealmFingerprint.of(realmFiles);
        if (!Files.isDirectory(database)) {
            DevStackCli.step(out, 2, "new dev data in " + database + ": importing realm '" + realmName + "' from " + realms);
            RealmFingerprint.write(state, current);
        } else {
            DevStackCli.step(out, 2, "reusing dev data in " + database + " (Keycloak skips realms that already exist)");
            warnIfRealmChanged(out, state, current, realms);
        }
        clearImports(data.resolve("import"));
        return database;
    }

    private static void warnIfRealmChanged(PrintWriter out, Path state, Map<String, String> current, Path realms) {
        Optional<Map<String, String>> recorded = RealmFingerprint.read(state);
        if (recorded.isEmpty()) {
            out.println("      note: no " + RealmFingerprint.FILE_NAME + " in " + state
                    + ", so realm file changes cannot be detected; --reset re-imports");
            return;
        }
        List<String> changed = RealmFingerprint.changed(recorded.get(), current);
        if (!changed.isEmpty()) {
            out.println("      WARNING: the realm files changed since this data was created: " + String.join(", ", changed));
            out.println("      WARNING: Keycloak skips realms that already exist, so these changes are NOT applied.");
            out.println("      WARNING: run bin/dev-stack --reset to start over (deletes the dev database, including"
                    + " users and settings changed at runtime); realm folder: " + realms);
        }
    }

    /** Earlier runs' copies: the runner puts the realm files there again at each start. */
    private static void clearImports(Path importDir) throws IOException {
        if (!Files.isDirectory(importDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(importDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                Files.delete(file);
            }
        }
    }
}
