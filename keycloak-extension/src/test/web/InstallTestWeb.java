import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by the build (exec-maven-plugin, generate-test-resources) with Java's source launcher: {@code npm ci} of the
 * pinned browser OIDC libraries beside this file, so BrowserClientsIT drives the real oidc-client-ts and keycloak-js.
 * Without npm on the PATH it prints why and exits 0: the browser tests then skip with that reason (and fail under
 * {@code -Dmozaiks.browser.required=true}, as in CI, whose .ci/run installs Debian's nodejs and npm).
 * Skipped when node_modules is newer than the committed lock, and with {@code -DskipTests}. When npm ci fails (e.g.
 * no registry) the build goes on and the tests skip, unless {@code -Dmozaiks.browser.required=true}.
 *
 * <p>Arguments: the folder, the value of {@code mozaiks.browser.required}, the value of {@code skipTests} (an
 * unset Maven property arrives as its literal {@code ${...}}, which is not {@code true}).
 */
public final class InstallTestWeb {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        boolean required = args.length > 1 && "true".equals(args[1]);
        if (args.length > 2 && "true".equals(args[2])) {
            System.out.println("[test-web] -DskipTests: npm ci skipped");
            return;
        }
        Path installedLock = dir.resolve("node_modules").resolve(".package-lock.json");
        Path lock = dir.resolve("package-lock.json");
        String npm = findNpm();
        if (npm == null) {
            if (required) {
                throw new IllegalStateException("npm not found on the PATH and -Dmozaiks.browser.required=true"
                        + " (Debian: apt-get install -y nodejs npm)");
            }
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
        if (exit != 0 && required) {
            throw new IllegalStateException("npm ci failed with exit code " + exit + " in " + dir);
        }
        if (exit != 0) {
            System.out.println("[test-web] npm ci failed with exit code " + exit + ": the browser OIDC tests will skip");
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
