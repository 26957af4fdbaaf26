package io.mozaiks.identity.devstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the dev stack finds its inputs by default. The repository root comes from the system property
 * {@value #ROOT_PROPERTY} (set by bin/dev-stack), else from the location of dev-stack.jar
 * ({@code <root>/dev-stack/target/dev-stack.jar}), else from the working directory.
 */
public record RepoLayout(Path root) {

    public static final String ROOT_PROPERTY = "mozaiks.repo.root";

    public static RepoLayout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new RepoLayout(Paths.get(configured).toAbsolutePath().normalize());
        }
        Path fromJar = codeLocation();
        for (Path dir = fromJar; dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return new RepoLayout(dir);
            }
        }
        return new RepoLayout(Paths.get("").toAbsolutePath());
    }

    static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docker").resolve("realm"));
    }

    /** Default state folder (in .gitignore). */
    public Path home() {
        return root.resolve(".dev-stack");
    }

    public Path realmDir() {
        return root.resolve("docker").resolve("realm");
    }

    public Path providerJar(BuildInfo info) {
        return root.resolve("dev-stack").resolve("target").resolve("providers").resolve(info.providerJarName());
    }

    public Path distZip(BuildInfo info) {
        return root.resolve("dev-stack").resolve("target").resolve("dist").resolve(info.distZipName());
    }

    private static Path codeLocation() {
        try {
            Path location = Paths.get(RepoLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
