package io.mozaiks.identity.keycloak.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.contractenv.ConsumerId;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The .env files we publish are read literally by every loader an operator may use: bash ({@code set -a; .}),
 * Debian's python3-dotenv, and compose {@code env_file} / {@code docker run --env-file} where an engine answers.
 * Plain values round-trip unchanged; hostile values are refused by {@link EnvFile#isPlainValue}, never quoted.
 * No .NET runs here. Set {@code -Dmozaiks.dotenv.optional=true} to skip (not fail) without python3-dotenv.
 */
class EnvRoundTripTest {

    static final String DOTENV_PACKAGE = "python3-dotenv";
    static final String DOTENV_OPTIONAL = "mozaiks.dotenv.optional";
    static final String DOCKER_IMAGE = "mozaiks.env.image";
    /** As for the container suite (.ci/run sets it): no engine or no image fails instead of skipping. */
    static final String CONTAINERS_REQUIRED = "mozaiks.containers.required";
    private static final long TIMEOUT_SECONDS = 60;

    /** Shell operators, quoting, expansion, line breaks, comments, blanks, globs, tilde, unicode tricks. */
    static final List<String> HOSTILE = List.of(
            "a&b", "z&id-x", "a;id", "a|id", "a<b", "a>b", "a(b", "a)b", "(id)",
            "it's", "say\"hi\"", "'single'", "\"double\"",
            "$(id)", "${HOME}", "$HOME", "a$b", "`id`", "x`touch canary`",
            "a\nAUTH_AUDIENCE=evil", "a\rb", "a\r\nb", "value#comment", "#start", "a #b",
            "a b", " lead", "trail ", "a\tb", "~", "~/x", "a:~/x",
            "*", "a*", "a?", "?", "!", "a!b", "!!",
            "a\\b", "a\\", "a=b", "a{b}", "a^b",
            "caf\u00e9", "a\u202eb", "\u202e", "a\u200bb", "a\u00a0b", "a\u2028b", "\uff04(id)",
            "a\u0007b", "a\u001bb", "a\u0008b", "a\u007fb", "a\u000bb", "a\u000cb");

    /** What the endpoint emits: URLs (IPv6 literal, percent-encoding), audiences, client id lists. */
    static final Map<String, String> PLAIN = plainCorpus();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void hostileValuesAreNotPlainAndRenderRefusesThem() {
        for (String hostile : HOSTILE) {
            assertThat(EnvFile.isPlainValue(hostile)).as("isPlainValue(%s)", printable(hostile)).isFalse();
            assertThatThrownBy(() -> EnvFile.render(ConsumerId.CORE, "mozaiks", "test", Map.of("AUTH_AUDIENCE", hostile)))
                    .as("render(%s)", printable(hostile)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(EnvFile.isPlainValue("")).isFalse();
        assertThat(EnvFile.isPlainValue(null)).isFalse();
    }

    @Test
    void theCorpusIsPlain() {
        PLAIN.forEach((name, value) -> assertThat(EnvFile.isPlainValue(value)).as(name).isTrue());
    }

    @Test
    void bashSourcesEveryPlainValueLiterally() throws IOException {
        Path file = rendered();
        Map<String, String> seen = bashSource(file);
        assertThat(seen).containsAllEntriesOf(PLAIN);
        assertThat(dir.resolve("canary")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** The control: the same harness DOES see a value that bash would run, so the canary check above means something. */
    @Test
    void theCanaryWorksForAnUnrefusedValue() throws IOException {
        Path file = dir.resolve("hostile.env");
        Files.writeString(file, "X=$(touch canary)\n", StandardCharsets.UTF_8);
        bashSource(file);
        assertThat(dir.resolve("canary")).exists();
    }

    @Test
    void pythonDotenvReadsEveryPlainValueLiterally() throws IOException {
        String python = python();
        Run probe = runQuietly(List.of(python, "-c", "import dotenv"));
        if (probe == null || probe.exit != 0) {
            String reason = "Debian package " + DOTENV_PACKAGE + " is missing for " + python
                    + " (apt-get install -y " + DOTENV_PACKAGE + "): "
                    + (probe == null ? "no " + python + " to run" : lastLine(probe.stderr));
            if (Boolean.getBoolean(DOTENV_OPTIONAL)) {
                System.out.println("[env-roundtrip] python-dotenv skipped: " + reason);
                Assumptions.abort(reason);
            }
            fail(reason + " (set -D" + DOTENV_OPTIONAL + "=true to skip)");
        }
        Path file = rendered();
        Run read = run(List.of(python, "-c",
                "import dotenv,json,sys; print(json.dumps(dotenv.dotenv_values(sys.argv[1])))", file.toString()), dir);
        assertThat(read.exit).as(read.stderr).isZero();
        Map<String, String> seen = JSON.readValue(read.stdout, new TypeReference<LinkedHashMap<String, String>>() { });
        assertThat(seen).containsExactlyEntriesOf(PLAIN);
    }

    @Test
    void composeAndDockerReadEveryPlainValueLiterally() throws IOException {
        Run info = runQuietly(List.of("docker", "info"));
        skipUnless(info != null && info.exit == 0, "compose/docker",
                info == null ? "no docker command" : "docker info exit " + info.exit + " (no working engine)");
        // An image the compose stack uses anyway (its entrypoint runs any other command as given).
        String image = System.getProperty(DOCKER_IMAGE, "postgres:17");
        Run inspect = runQuietly(List.of("docker", "image", "inspect", image));
        skipUnless(inspect != null && inspect.exit == 0, "compose/docker",
                "image " + image + " not present locally (tests never pull; set -D" + DOCKER_IMAGE + ")");
        Path file = rendered();

        Run docker = run(List.of("docker", "run", "--rm", "--pull", "never", "--env-file", file.toString(), image, "env"), dir);
        assertThat(docker.exit).as(docker.stderr).isZero();
        assertThat(lines(docker.stdout)).containsAllEntriesOf(PLAIN);

        Run composeVersion = runQuietly(List.of("docker", "compose", "version"));
        skipUnless(composeVersion != null && composeVersion.exit == 0, "compose", "no docker compose plugin");
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "services:\n  probe:\n    image: " + image + "\n    pull_policy: never\n"
                + "    env_file: [" + file.getFileName() + "]\n    command: [\"env\"]\n", StandardCharsets.UTF_8);
        Run composed = run(List.of("docker", "compose", "-f", compose.toString(), "-p", "envroundtrip",
                "run", "--rm", "--no-deps", "-T", "probe"), dir);
        assertThat(composed.exit).as(composed.stderr).isZero();
        assertThat(lines(composed.stdout)).containsAllEntriesOf(PLAIN);
    }

    private Path rendered() throws IOException {
        Path file = dir.resolve("consumer.env");
        Files.writeString(file, EnvFile.render(ConsumerId.CORE, "mozaiks", "EnvRoundTripTest", PLAIN), StandardCharsets.UTF_8);
        return file;
    }

    /** {@code set -a; . FILE; set +a; env -0} in an environment cleared down to PATH, run inside the temp dir. */
    private Map<String, String> bashSource(Path file) throws IOException {
        Run bash = run(List.of("bash", "-c", "set -a; . \"$1\"; set +a; env -0", "bash", file.toString()), dir);
        assertThat(bash.exit).as(bash.stderr).isZero();
        Map<String, String> vars = new LinkedHashMap<>();
        for (String entry : bash.stdout.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                vars.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return vars;
    }

    /** Debian's python3-dotenv installs for /usr/bin/python3; a pyenv shim on PATH may lack it. */
    private static String python() {
        Path debian = Path.of("/usr/bin/python3");
        return Files.isExecutable(debian) ? debian.toString() : "python3";
    }

    private static void skipUnless(boolean condition, String what, String reason) {
        if (!condition && Boolean.getBoolean(CONTAINERS_REQUIRED)) {
            fail(what + " cannot run: " + reason + " (and -D" + CONTAINERS_REQUIRED + "=true)");
        }
        if (!condition) {
            System.out.println("[env-roundtrip] " + what + " skipped: " + reason);
            Assumptions.abort(what + " skipped: " + reason);
        }
    }

    private static Map<String, String> lines(String output) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : output.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                vars.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return vars;
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    /** A command whose absence is an answer (docker, python3), not an error. */
    private Run runQuietly(List<String> command) {
        try {
            return run(command, dir);
        } catch (IOException notInstalled) {
            return null;
        }
    }

    private static Run run(List<String> command, Path workDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        String path = System.getenv("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        Path out = Files.createTempFile(workDir.getParent(), "envrt", ".out");
        Path err = Files.createTempFile(workDir.getParent(), "envrt", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " timed out");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Map<String, String> plainCorpus() {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("MOZAIKS_OIDC_DISCOVERY_URL", "http://[::1]:8080/realms/mozaiks/.well-known/openid-configuration");
        plain.put("AUTH_ISSUER", "http://[::1]:8080/realms/mozaiks");
        plain.put("AUTH_JWKS_URL", "https://id.example.com/realms/r/protocol/openid-connect/certs");
        plain.put("MOZAIKS_JWKS_URL", "http://keycloak:8080/realms/mozaiks/protocol/openid-connect/certs");
        plain.put("AUTH_ALLOWED_CLIENT_IDS", "mozaiks-core,app.x_1");
        plain.put("AUTH_AUDIENCE", "mozaiks-api");
        plain.put("AUTH_ENABLED", "true");
        plain.put("JWT_ALGORITHMS", "RS256");
        plain.put("V_PERCENT", "https://id.example.com/realms/a%20b");
        plain.put("V_ZONE", "http://[fe80::1%25eth0]:8080/realms/mozaiks");
        plain.put("V_AT_PLUS", "ops+id@example.com");
        plain.put("V_LEADING_DASH", "-x");
        plain.put("V_DIGITS", "0123");
        plain.put("V_BRACKETS", "[]");
        plain.put("V_PUNCTUATION", ".:/@%+,[]-_");
        return plain;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
