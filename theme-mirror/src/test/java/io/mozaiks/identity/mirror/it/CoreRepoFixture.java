package io.mozaiks.identity.mirror.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mozaiks.identity.mirror.content.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A temporary world laid out like the real one: a mozaiks-core git repository (real {@code git init} and
 * commits), a themes folder with sources, an allowlist, and a state folder outside both.
 */
final class CoreRepoFixture {
    static final String THEME = "examples/keycloak/theme/mozaiks/login";
    static final String IMG = "examples/keycloak/theme/mozaiks/login/resources/img/";
    static final String LOGO = IMG + "logo.svg";
    static final String BACKGROUND = IMG + "background.svg";

    static final String OLD_LOGO = svg("<rect width='1' height='1' fill='#000'/>");
    static final String NEW_LOGO = svg("<circle r='4' fill='#f60'/>");
    static final String NEW_BACKGROUND = svg("<rect width='10' height='10' fill='#eee'/>");

    final Path base;
    final Path core;
    final Path themes;
    final Path allowlist;
    final Path state;

    CoreRepoFixture(Path base) throws IOException, InterruptedException {
        this.base = base;
        this.core = Files.createDirectories(base.resolve("mozaiks-core"));
        this.themes = Files.createDirectories(base.resolve("identity/themes"));
        this.allowlist = themes.resolve("mirror-allowlist");
        this.state = base.resolve("state");
        git(core, "init", "-q", "-b", "main");
        Files.createDirectories(core.resolve(IMG));
        // A login theme that shows both targets, so these tests see no orphan (ThemeOrphanIT covers orphans).
        write(core.resolve(THEME).resolve("theme.properties"), "parent=keycloak.v2\nstyles=css/styles.css css/test.css\n");
        write(core.resolve(THEME).resolve("resources/css/test.css"),
                "body { background: url(../img/background.svg) }\n.logo { background: url(../img/logo.svg) }\n");
        write(core.resolve(LOGO), OLD_LOGO);
        write(core.resolve("README.md"), "mozaiks-core\n");
        commit(core, "initial");
        write(themes.resolve("mozaiks/login/resources/img/logo.svg"), NEW_LOGO);
        write(themes.resolve("mozaiks/login/resources/img/background.svg"), NEW_BACKGROUND);
        write(allowlist, "# test allowlist\n"
                + "mozaiks/login/resources/img/logo.svg -> " + LOGO + "\n"
                + "mozaiks/login/resources/img/background.svg -> " + BACKGROUND + "\n");
    }

    static String svg(String body) {
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>" + body + "</svg>\n";
    }

    /** A CLI opted in to this core root, with the fixture's state folder. */
    CliProcess optedIn() {
        return optedOut().env("MOZAIKS_CORE_ROOT", core.toString());
    }

    CliProcess optedOut() {
        return new CliProcess(base).defaults(allowlist, themes).env("MOZAIKS_MIRROR_STATE_DIR", state.toString());
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static String sha(String content) {
        return ContentHash.of(content.getBytes(StandardCharsets.UTF_8)).sha256();
    }

    static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Mirror Test",
                "-c", "user.email=mirror-test@example.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("GIT_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    static void commit(Path repo, String message) throws IOException, InterruptedException {
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", message);
    }

    /** Every path and content hash under the core root (except .git): proves "nothing written". */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(core)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String relative = core.relativize(path).toString().replace('\\', '/');
                if (relative.equals(".git") || relative.startsWith(".git/")) {
                    continue;
                }
                files.put(relative, Files.isSymbolicLink(path) ? "link" : Files.isDirectory(path) ? "dir"
                        : ContentHash.of(Files.readAllBytes(path)).sha256());
            }
        }
        return files;
    }

    String porcelain() throws IOException, InterruptedException {
        return git(core, "status", "--porcelain", "--untracked-files=all");
    }

    List<String> tempFiles() throws IOException {
        try (Stream<Path> list = Files.list(core.resolve(IMG))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.contains(".theme-mirror-")).toList();
        }
    }
}
