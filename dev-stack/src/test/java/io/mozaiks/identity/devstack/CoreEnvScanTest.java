package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every mozaiks-core env this repository publishes or documents sets {@code MOZAIKS_OIDC_DISCOVERY_URL}, and
 * one that holds {@code MOZAIKS_PLATFORM_CLIENT_SECRET} also sets {@code MOZAIKS_PLATFORM_URL}.
 *
 * <p>Why: core's token client ({@code client_credentials.py}) finds its token endpoint ONLY through OIDC
 * discovery. A core env without the discovery URL validates tokens fine, but when core fetches a service
 * token it sends its client id and secret to the hosted tenant its defaults name. And with
 * {@code MOZAIKS_BILLING_PROVIDER=platform} core posts its internal service token to
 * {@code MOZAIKS_PLATFORM_URL}, whose default is a hosted URL (docs/consumer-findings.md). Nothing at run
 * time notices, so the documents are scanned instead.
 *
 * <p>What counts as "a core env" (a heuristic, documented in docs/configuration.md):
 * <ul>
 *   <li>in {@code docker/**.yml}: the {@code x-mozaiks-core-env} block, and any {@code environment:} block
 *       that looks like the core runtime (rule below);</li>
 *   <li>in {@code README.md} and {@code docs/**.md}: a fenced code block or a table that sets
 *       {@code AUTH_AUDIENCE} or {@code AUTH_REQUIRED_SCOPE} and has no {@code AUTH_PROVIDER} (that is the
 *       platform's env) and no {@code JWT_*} (the plugin-host's env). A fenced block is split into sections
 *       at comment lines that name a consumer ({@code # mozaiks-platform}); a table whose rows each set
 *       several variables ({@code NAME=value, NAME=value}) is checked row by row;</li>
 *   <li>anywhere: a block, table or section that sets {@code MOZAIKS_PLATFORM_CLIENT_SECRET} (only core reads it).</li>
 * </ul>
 * A block is exempt only when the line right before its fence (or before the table) is
 * {@value #COUNTER_EXAMPLE}: quoted bad examples, e.g. in docs/consumer-findings.md and the notices.
 */
class CoreEnvScanTest {

    static final String COUNTER_EXAMPLE = "<!-- counter-example -->";
    static final String REQUIRED = "MOZAIKS_OIDC_DISCOVERY_URL";
    static final String PLATFORM_SECRET = "MOZAIKS_PLATFORM_CLIENT_SECRET";
    static final String PLATFORM_URL = "MOZAIKS_PLATFORM_URL";

    /** A variable assignment of the core runtime: {@code NAME=}, {@code NAME:}, {@code "NAME":}, or a table cell {@code `NAME` |}. */
    private static final Pattern SETS_CORE_VARIABLE =
            Pattern.compile("\\bAUTH_(AUDIENCE|REQUIRED_SCOPE)(\"?\\s*[=:]|`?\\s*\\|)");
    /** core's platform client secret, set in any of the forms above. */
    private static final Pattern SETS_PLATFORM_SECRET =
            Pattern.compile("\\b" + PLATFORM_SECRET + "(\"?\\s*[=:]|`?\\s*\\|)");
    /** {@code MOZAIKS_PLATFORM_URL} set to something: not empty, not {@code ""}. */
    private static final Pattern SETS_PLATFORM_URL =
            Pattern.compile("\\b" + PLATFORM_URL + "(\"?[ \\t]*[=:][ \\t]*[\"']?[^\\s\"'#]|`?[ \\t]*\\|[ \\t]*[^|\\s])");
    private static final Pattern PLATFORM = Pattern.compile("\\bAUTH_PROVIDER\\b");
    private static final Pattern PLUGIN_HOST = Pattern.compile("\\bJWT_(ISSUER|AUDIENCE|ALGORITHMS?)\\b");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\b[A-Z][A-Z0-9_]+=");
    private static final Pattern CONSUMER_COMMENT = Pattern.compile(
            "^\\s*(#|//|rem\\s|::).*\\b(core|platform|plugin-host|plugin host)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.-]+):\\s*(.*)$");

    record Finding(String file, int line, String what, String missing) {
        @Override
        public String toString() {
            String why = missing.equals(REQUIRED)
                    ? "core's token client would send its secret to a hosted default tenant"
                    : "it holds " + PLATFORM_SECRET + ", and with MOZAIKS_BILLING_PROVIDER=platform core would post its"
                            + " internal service token to the hosted default platform URL";
            return file + ":" + line + ": " + what + " sets mozaiks-core variables but not " + missing
                    + " (" + why + "); add it, or mark a deliberate counter-example with " + COUNTER_EXAMPLE
                    + " on the line before";
        }
    }

    // --- the repository

    @Test
    void everyCoreEnvInTheRepositorySetsTheDiscoveryUrl() throws IOException {
        Path root = Path.of(System.getProperty(RepoLayout.ROOT_PROPERTY, "..")).toAbsolutePath().normalize();
        List<Finding> findings = new ArrayList<>();
        int scanned = 0;
        for (Path file : files(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file);
            findings.addAll(name.endsWith(".md") ? scanMarkdown(name, lines) : scanYaml(name, lines));
            scanned++;
        }
        assertThat(scanned).as("files scanned (README.md, docs/, docker/)").isGreaterThan(5);
        assertThat(findings).as("core envs without " + REQUIRED + ", or with " + PLATFORM_SECRET + " but without " + PLATFORM_URL)
                .isEmpty();
    }

    @Test
    void theComposeCoreBlockIsFoundAndPasses() throws IOException {
        Path root = Path.of(System.getProperty(RepoLayout.ROOT_PROPERTY, "..")).toAbsolutePath().normalize();
        List<String> compose = Files.readAllLines(root.resolve("docker/docker-compose.yml"));
        assertThat(compose).anyMatch(l -> l.startsWith("x-mozaiks-core-env:"));
        List<String> withoutDiscovery = compose.stream().filter(l -> !l.contains(REQUIRED)).toList();
        assertThat(scanYaml("docker-compose.yml", withoutDiscovery)).as("the scanner sees the real block").hasSize(1);
        assertThat(scanYaml("docker-compose.yml", compose)).isEmpty();
    }

    // --- the scanner itself, fed with strings

    @Test
    void anUnmarkedCoreBlockWithoutDiscoveryFailsWithFileAndLine() {
        List<Finding> findings = scanMarkdown("x.md", lines("""
                # Title

                ```
                AUTH_ISSUER=http://localhost:8080/realms/mozaiks
                AUTH_JWKS_URL=http://keycloak:8080/realms/mozaiks/protocol/openid-connect/certs
                AUTH_AUDIENCE=mozaiks-api
                ```
                """));
        assertThat(findings).extracting(Finding::file, Finding::line).containsExactly(tuple("x.md", 3));
        assertThat(findings.get(0).toString()).startsWith("x.md:3: ").contains(REQUIRED);
    }

    @Test
    void aMarkedCounterExampleIsExempt() {
        assertThat(scanMarkdown("x.md", lines("""
                Do NOT copy this:

                <!-- counter-example -->
                ```
                AUTH_AUDIENCE=mozaiks-api
                AUTH_REQUIRED_SCOPE=access_as_user
                ```
                """))).isEmpty();
        // The marker must be on the line right before the fence.
        assertThat(scanMarkdown("x.md", lines("""
                <!-- counter-example -->

                ```
                AUTH_AUDIENCE=mozaiks-api
                ```
                """))).hasSize(1);
    }

    @Test
    void goodCorePlatformAndPluginHostBlocksPass() {
        assertThat(scanMarkdown("x.md", lines("""
                ```
                MOZAIKS_OIDC_DISCOVERY_URL=http://localhost:8080/realms/mozaiks/.well-known/openid-configuration
                AUTH_ENABLED=true
                AUTH_AUDIENCE=mozaiks-api
                ```

                ```
                AUTH_PROVIDER=jwt
                AUTH_AUDIENCE=mozaiks-api
                AUTH_REQUIRED_SCOPE=access_as_user
                ```

                ```yaml
                JWT_ISSUER: http://localhost:8080/realms/mozaiks
                JWT_AUDIENCE: mozaiks-api
                ```

                Prose that names AUTH_AUDIENCE=mozaiks-api outside a block is not an env.
                """))).isEmpty();
    }

    @Test
    void aCoreSectionInsideAMixedBlockIsCheckedOnItsOwn() {
        String mixed = """
                ```
                # mozaiks-core
                AUTH_AUDIENCE=mozaiks-api
                AUTH_REQUIRED_SCOPE=access_as_user
                # mozaiks-platform
                AUTH_PROVIDER=jwt
                AUTH_AUDIENCE=mozaiks-api
                ```
                """;
        assertThat(scanMarkdown("r.md", lines(mixed))).extracting(Finding::line).containsExactly(2);
        assertThat(scanMarkdown("r.md", lines(mixed.replace("# mozaiks-core\n",
                "# mozaiks-core\nMOZAIKS_OIDC_DISCOVERY_URL=http://h/realms/r/.well-known/openid-configuration\n")))).isEmpty();
    }

    @Test
    void tablesAreCheckedWholeOrRowByRow() {
        // one variable per row: the whole table is one env
        assertThat(scanMarkdown("t.md", lines("""
                | variable | value |
                |---|---|
                | `AUTH_AUDIENCE` | `mozaiks-api` |
                | `AUTH_REQUIRED_SCOPE` | `access_as_user` |
                """))).extracting(Finding::line).containsExactly(1);
        // one consumer per row: each row is an env
        assertThat(scanMarkdown("t.md", lines("""
                | consumer | env |
                | --- | --- |
                | mozaiks-core | `AUTH_ISSUER=http://x/realms/r`, `AUTH_AUDIENCE=mozaiks-api` |
                | mozaiks-platform | `AUTH_PROVIDER=jwt`, `AUTH_AUDIENCE=mozaiks-api` |
                """))).extracting(Finding::line).containsExactly(3);
        assertThat(scanMarkdown("t.md", lines("""
                <!-- counter-example -->
                | variable | value |
                |---|---|
                | `AUTH_AUDIENCE` | `mozaiks-api` |
                """))).isEmpty();
    }

    @Test
    void composeCoreBlocksAndCoreLikeEnvironmentsAreChecked() {
        List<Finding> findings = scanYaml("c.yml", lines("""
                x-mozaiks-core-env: &core
                  AUTH_ISSUER: http://localhost:8080/realms/mozaiks
                  AUTH_JWKS_URL: http://keycloak:8080/realms/mozaiks/protocol/openid-connect/certs

                x-mozaiks-platform-env: &platform
                  AUTH_PROVIDER: jwt
                  AUTH_AUDIENCE: mozaiks-api

                services:
                  core:
                    environment:
                      - AUTH_AUDIENCE=mozaiks-api
                  # commented:
                  #   environment:
                  #     AUTH_AUDIENCE: mozaiks-api
                  good:
                    environment:
                      MOZAIKS_OIDC_DISCOVERY_URL: http://keycloak:8080/realms/mozaiks/.well-known/openid-configuration
                      AUTH_AUDIENCE: mozaiks-api
                  aliased:
                    environment: *core
                """));
        assertThat(findings).extracting(Finding::line).containsExactly(1, 11);
    }

    // --- the platform client secret needs MOZAIKS_PLATFORM_URL beside it

    @Test
    void aCoreEnvWithThePlatformSecretButNoPlatformUrlFails() {
        List<Finding> findings = scanMarkdown("p.md", lines("""
                Core with its platform client:

                ```
                MOZAIKS_OIDC_DISCOVERY_URL=http://localhost:8080/realms/mozaiks/.well-known/openid-configuration
                AUTH_AUDIENCE=mozaiks-api
                MOZAIKS_BILLING_PROVIDER=platform
                MOZAIKS_PLATFORM_CLIENT_ID=mozaiks-core
                MOZAIKS_PLATFORM_CLIENT_SECRET=s3cret
                ```
                """));
        assertThat(findings).extracting(Finding::line, Finding::missing).containsExactly(tuple(3, PLATFORM_URL));
        assertThat(findings.get(0).toString()).startsWith("p.md:3: ").contains(PLATFORM_URL, "hosted default platform URL");
    }

    @Test
    void thePlatformUrlBesideTheSecretPassesAndAnEmptyOneDoesNot() {
        String block = """
                ```
                MOZAIKS_OIDC_DISCOVERY_URL=http://localhost:8080/realms/mozaiks/.well-known/openid-configuration
                AUTH_AUDIENCE=mozaiks-api
                MOZAIKS_PLATFORM_CLIENT_SECRET=s3cret
                %s
                ```
                """;
        assertThat(scanMarkdown("p.md", lines(block.formatted("MOZAIKS_PLATFORM_URL=https://platform.example.com")))).isEmpty();
        assertThat(scanMarkdown("p.md", lines(block.formatted("MOZAIKS_PLATFORM_URL=")))).hasSize(1);
        assertThat(scanMarkdown("p.md", lines(block.formatted("MOZAIKS_PLATFORM_URL: \"\"")))).hasSize(1);
        assertThat(scanMarkdown("p.md", lines(block.formatted("# set MOZAIKS_PLATFORM_URL later")))).hasSize(1);
        assertThat(scanMarkdown("p.md", lines("<!-- counter-example -->\n" + block.formatted("")))).isEmpty();
    }

    @Test
    void aBlockWithOnlyThePlatformClientIsACoreEnvAndNeedsBoth() {
        assertThat(scanMarkdown("p.md", lines("""
                ```
                MOZAIKS_PLATFORM_CLIENT_ID=mozaiks-core
                MOZAIKS_PLATFORM_CLIENT_SECRET=s3cret
                ```
                """))).extracting(Finding::missing).containsExactly(REQUIRED, PLATFORM_URL);
    }

    @Test
    void thePlatformSecretRuleHoldsInTablesAndComposeFiles() {
        assertThat(scanMarkdown("t.md", lines("""
                | variable | value |
                |---|---|
                | `MOZAIKS_OIDC_DISCOVERY_URL` | `<issuer>/.well-known/openid-configuration` |
                | `MOZAIKS_PLATFORM_CLIENT_SECRET` | the client's secret |
                """))).extracting(Finding::line, Finding::missing).containsExactly(tuple(1, PLATFORM_URL));
        assertThat(scanMarkdown("t.md", lines("""
                | variable | value |
                |---|---|
                | `MOZAIKS_OIDC_DISCOVERY_URL` | `<issuer>/.well-known/openid-configuration` |
                | `MOZAIKS_PLATFORM_URL` | your platform |
                | `MOZAIKS_PLATFORM_CLIENT_SECRET` | the client's secret |
                """))).isEmpty();
        List<Finding> compose = scanYaml("c.yml", lines("""
                x-mozaiks-core-env: &core
                  MOZAIKS_OIDC_DISCOVERY_URL: http://keycloak:8080/realms/mozaiks/.well-known/openid-configuration
                  MOZAIKS_PLATFORM_CLIENT_SECRET: ${CORE_SECRET}

                services:
                  worker:
                    environment:
                      - MOZAIKS_PLATFORM_CLIENT_SECRET=${CORE_SECRET}
                      - MOZAIKS_OIDC_DISCOVERY_URL=http://keycloak:8080/realms/mozaiks/.well-known/openid-configuration
                  good:
                    environment:
                      MOZAIKS_OIDC_DISCOVERY_URL: http://keycloak:8080/realms/mozaiks/.well-known/openid-configuration
                      MOZAIKS_PLATFORM_URL: "http://platform:8080"
                      MOZAIKS_PLATFORM_CLIENT_SECRET: ${CORE_SECRET}
                """));
        assertThat(compose).extracting(Finding::line, Finding::missing)
                .containsExactly(tuple(1, PLATFORM_URL), tuple(7, PLATFORM_URL));
    }

    // --- scanner

    static List<Finding> scanMarkdown(String file, List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String stripped = lines.get(i).strip();
            boolean marked = i > 0 && lines.get(i - 1).strip().equals(COUNTER_EXAMPLE);
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                String fence = stripped.substring(0, 3);
                int start = i;
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().startsWith(fence)) {
                    end++;
                }
                if (!marked) {
                    checkCodeBlock(file, lines, start + 1, Math.min(end, lines.size()), findings);
                }
                i = end + 1;
            } else if (stripped.startsWith("|")) {
                int start = i;
                int end = i;
                while (end < lines.size() && lines.get(end).strip().startsWith("|")) {
                    end++;
                }
                if (!marked) {
                    checkTable(file, lines, start, end, findings);
                }
                i = end;
            } else {
                i++;
            }
        }
        return findings;
    }

    private static void checkCodeBlock(String file, List<String> lines, int from, int to, List<Finding> findings) {
        int sectionStart = from;
        for (int i = from; i <= to; i++) {
            boolean boundary = i == to || (i > sectionStart && CONSUMER_COMMENT.matcher(lines.get(i)).matches());
            if (boundary) {
                // reported at the consumer comment that opens the section, else at the opening fence
                int reportAt = CONSUMER_COMMENT.matcher(lines.get(sectionStart)).matches() ? sectionStart : from - 1;
                check(file, reportAt, "fenced block", lines.subList(sectionStart, i), findings);
                sectionStart = i;
            }
        }
    }

    private static void checkTable(String file, List<String> lines, int from, int to, List<Finding> findings) {
        boolean rowPerEnv = lines.subList(from, to).stream().anyMatch(l -> ASSIGNMENT.matcher(l).results().count() >= 2);
        if (!rowPerEnv) {
            check(file, from, "table", lines.subList(from, to), findings);
            return;
        }
        for (int i = from; i < to; i++) {
            check(file, i, "table row", List.of(lines.get(i)), findings);
        }
    }

    static List<Finding> scanYaml(String file, List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            var key = YAML_KEY.matcher(lines.get(i));
            if (lines.get(i).strip().startsWith("#") || !key.matches()) {
                continue;
            }
            String name = key.group(2);
            String inline = key.group(3).strip();
            boolean coreBlock = name.equals("x-mozaiks-core-env");
            if (!coreBlock && !name.equals("environment")) {
                continue;
            }
            if (!inline.isEmpty() && !inline.startsWith("&") && !inline.startsWith("#")) {
                continue; // an alias (*name) or an inline value: the block it refers to is checked where it is defined
            }
            int indent = key.group(1).length();
            List<String> body = new ArrayList<>();
            for (int j = i + 1; j < lines.size(); j++) {
                String line = lines.get(j);
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (line.length() - line.stripLeading().length() <= indent) {
                    break;
                }
                body.add(line);
            }
            if (coreBlock || isCoreEnv(body)) {
                String what = coreBlock ? "x-mozaiks-core-env" : "environment block";
                int line = i + 1;
                missing(body).forEach(variable -> findings.add(new Finding(file, line, what, variable)));
            }
        }
        return findings;
    }

    private static void check(String file, int zeroBasedLine, String what, List<String> section, List<Finding> findings) {
        if (isCoreEnv(section)) {
            missing(section).forEach(variable -> findings.add(new Finding(file, zeroBasedLine + 1, what, variable)));
        }
    }

    /** Sets core's token-validation variables (and is no platform or plugin-host env), or core's platform secret. */
    static boolean isCoreEnv(List<String> section) {
        String text = String.join("\n", section);
        return SETS_PLATFORM_SECRET.matcher(text).find()
                || SETS_CORE_VARIABLE.matcher(text).find()
                && !PLATFORM.matcher(text).find()
                && !PLUGIN_HOST.matcher(text).find();
    }

    /** The variables a core env lacks: the discovery URL always, the platform URL when it holds the platform secret. */
    static List<String> missing(List<String> coreEnv) {
        String text = String.join("\n", coreEnv);
        List<String> missing = new ArrayList<>();
        if (!text.contains(REQUIRED)) {
            missing.add(REQUIRED);
        }
        if (SETS_PLATFORM_SECRET.matcher(text).find() && !SETS_PLATFORM_URL.matcher(text).find()) {
            missing.add(PLATFORM_URL);
        }
        return missing;
    }

    private static List<Path> files(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(root.resolve("README.md"));
        for (String dir : List.of("docs", "docker")) {
            try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                out.addAll(walk.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString();
                    return dir.equals("docs") ? n.endsWith(".md") : n.endsWith(".yml") || n.endsWith(".yaml");
                }).sorted().collect(Collectors.toList()));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}
