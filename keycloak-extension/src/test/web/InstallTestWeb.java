import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by the build (exec-maven-plugin, generate-test-resources) with Java's source launcher: {@code npm ci} of the
 * pinned browser OIDC libraries beside this file, so BrowserClientsIT drives the real oidc-client-ts and keycloak-js.
 * Without npm on the PATH it prints why and exits 0: the browser tests then skip with that reason (and fail under
 * {@code -Dmozaiks.browser.required=true}, as in CI, whose .ci/run installs Debian's nodejs and npm).
 * Skipped when the installed lock equals the committed one (npm ci would only do the same work again).
 */
public final class InstallTestWeb {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path installedLock = dir.resolve("node_modules").resolve(".package-lock.json");
        Path lock = dir.resolve("package-lock.json");
        String npm = findNpm();
        if (npm == null) {
            System.out.println("[test-web] npm not found on the PATH: the browser OIDC tests will skip"
                    + " (Debian: apt-get install -y nodejs npm)");
            return;
        }
        if (Files.exists(installedLock) && Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(lock)) > 0) {
            System.out.println("[test-web] node_modules is newer than package-lock.json: up to date");
            return;
        }
        System.out.println("[test-web] " + npm + " ci in " + dir);
        Process process = new ProcessBuilder(List.of(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"))
                .directory(dir.toFile()).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("npm ci failed with exit code " + exit + " in " + dir);
        }
    }

    /** npm (npm.cmd on Windows) from the PATH, or null. */
    private static String findNpm() {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        String name = windows ? "npm.cmd" : "npm";
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry).resolve(name);
            if (Files.isExecutable(candidate) || (windows && Files.exists(candidate))) {
                return candidate.toString();
            }
        }
        return null;
    }
}
