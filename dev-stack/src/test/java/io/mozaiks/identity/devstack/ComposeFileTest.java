package io.mozaiks.identity.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/docker-compose.yml checked against the build, without Docker: the Keycloak version, the mounted
 * provider jar, the imported realm, and the issuer/back-channel settings the consumers depend on.
 */
class ComposeFileTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    private static Path root;
    private static Path docker;
    private static Map<String, Object> compose;
    private static Map<String, Object> keycloak;
    private static Map<String, String> env;

    @BeforeAll
    static void load() throws IOException {
        root = Path.of(System.getProperty(RepoLayout.ROOT_PROPERTY, "..")).toAbsolutePath().normalize();
        docker = root.resolve("docker");
        compose = yaml(docker.resolve("docker-compose.yml"));
        keycloak = map(map(compose.get("services")).get("keycloak"));
        env = strings(map(keycloak.get("environment")));
    }

    @Test
    void imageIsTheOfficialKeycloakOfTheBuildsVersion() throws Exception {
        String version = pomValue(root.resolve("pom.xml"), "properties", "keycloak.version");

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(keycloak.get("image")).isEqualTo("quay.io/keycloak/keycloak:" + version);
        assertThat(BuildInfo.load().keycloakVersion()).as("dev-stack.jar's version").isEqualTo(version);
    }

    @Test
    void mountsTheProviderJarTheBuildProduces() throws Exception {
        String finalName = pomValue(root.resolve("keycloak-extension/pom.xml"), "build", "finalName");
        Path built = root.resolve("keycloak-extension/target").resolve(finalName + ".jar");

        Map<String, Object> mount = mountInto("/opt/keycloak/providers/", keycloak);
        assertThat(docker.resolve((String) mount.get("source")).normalize()).isEqualTo(built);
        assertThat(mount.get("read_only")).isEqualTo(true);
        assertThat(mount.get("type")).isEqualTo("bind");
    }

    @Test
    void importsTheDevRealmButNoUsersExceptInTheDevOverride() throws Exception {
        assertThat(strings((List<?>) keycloak.get("command"))).contains("--import-realm");
        List<Map<String, Object>> imports = mountsInto("/opt/keycloak/data/import/", keycloak);
        assertThat(imports).hasSize(1);
        Path realmFile = docker.resolve((String) imports.get(0).get("source")).normalize();

        assertThat(realmFile).isRegularFile();
        assertThat(realmFile.getParent()).as("the realm folder bin/dev-stack imports")
                .isEqualTo(new RepoLayout(root).realmDir());
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        assertThat(realm.path("realm").asText()).isEqualTo("mozaiks");
        for (JsonNode user : realm.path("users")) {
            assertThat(user.hasNonNull("serviceAccountClientId")).as("the realm file holds service accounts only, no"
                    + " people: %s", user.path("username")).isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
        assertThat(imports.get(0).get("target")).isEqualTo("/opt/keycloak/data/import/" + realmFile.getFileName());

        Map<String, Object> devKeycloak = map(map(yaml(docker.resolve("docker-compose.dev.yml")).get("services")).get("keycloak"));
        List<Map<String, Object>> devImports = mountsInto("/opt/keycloak/data/import/", devKeycloak);
        assertThat(devImports).hasSize(1);
        Path usersFile = docker.resolve((String) devImports.get(0).get("source")).normalize();
        JsonNode users = new ObjectMapper().readTree(usersFile.toFile());
        assertThat(users.path("realm").asText()).isEqualTo("mozaiks");
        assertThat(users.path("users").size()).isGreaterThan(0);
        assertThat(usersFile.getFileName().toString()).matches("mozaiks-users-\\d+\\.json");
    }

    @Test
    void issuerIsThePublicUrlAndServicesUseTheInNetworkAddress() {
        String publicUrl = resolve(env.get("KC_HOSTNAME"));
        URI uri = URI.create(publicUrl);
        assertThat(uri.getScheme()).as("hostname must be a full URL for backchannel-dynamic").isIn("http", "https");
        assertThat(env.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC")).isEqualTo("true");

        String containerPort = env.get("KC_HTTP_PORT");
        String published = ports().stream().map(ComposeFileTest::resolve)
                .filter(p -> p.endsWith(":" + containerPort)).findFirst().orElseThrow();
        assertThat(published).as("the default host port is the port of the default public URL")
                .isEqualTo(uri.getPort() + ":" + containerPort);

        String publicIssuer = env.get("KC_HOSTNAME") + "/realms/mozaiks";
        String inNetwork = "http://keycloak:" + containerPort + "/realms/mozaiks";
        String jwks = inNetwork + "/protocol/openid-connect/certs";

        // mozaiks-core: exactly what /contract/env/core?backchannel=true answers inside the network.
        Map<String, String> core = strings(map(compose.get("x-mozaiks-core-env")));
        assertThat(core).containsExactly(
                Map.entry("MOZAIKS_OIDC_DISCOVERY_URL", inNetwork + "/.well-known/openid-configuration"),
                Map.entry("AUTH_ENABLED", "true"),
                Map.entry("AUTH_AUDIENCE", "mozaiks-api"),
                Map.entry("AUTH_REQUIRED_SCOPE", "access_as_user"),
                Map.entry("AUTH_ROLES_CLAIM", "roles"),
                Map.entry("MOZAIKS_ISSUER", publicIssuer),
                Map.entry("MOZAIKS_JWKS_URL", jwks),
                Map.entry("MOZAIKS_AUDIENCE", "mozaiks-api"));
        assertThat(map(compose.get("x-mozaiks-core-env")).get("AUTH_ENABLED"))
                .as("a YAML string, not a boolean that an engine might render as True").isEqualTo("true");

        Map<String, String> platform = strings(map(compose.get("x-mozaiks-platform-env")));
        assertThat(platform).containsExactly(
                Map.entry("AUTH_PROVIDER", "jwt"),
                Map.entry("AUTH_ISSUER", publicIssuer),
                Map.entry("AUTH_JWKS_URL", jwks),
                Map.entry("AUTH_AUDIENCE", "mozaiks-api"),
                Map.entry("AUTH_REQUIRED_SCOPE", "access_as_user"),
                Map.entry("AUTH_ROLES_CLAIM", "roles"),
                Map.entry("AUTH_TENANT_CLAIM", "tid"));

        Map<String, String> pluginHost = strings(map(compose.get("x-mozaiks-plugin-host-env")));
        assertThat(pluginHost).containsExactly(
                Map.entry("JWT_ISSUER", publicIssuer),
                Map.entry("JWT_AUDIENCE", "mozaiks-api"),
                Map.entry("JWKS_URL", jwks),
                Map.entry("JWT_ALGORITHMS", "RS256"),
                Map.entry("SKIP_AUTH", "false"));
        assertThat(map(compose.get("x-mozaiks-plugin-host-env")).get("SKIP_AUTH")).isEqualTo("false");

        // The browser shell: what /contract/env/shell answers for the dev origin (built by the endpoint's ShellConfig).
        Map<String, String> shell = new LinkedHashMap<>();
        strings(map(compose.get("x-mozaiks-shell-env"))).forEach((name, value) -> shell.put(name, resolve(value)));
        assertThat(shell).containsExactlyEntriesOf(Summary.shellConfig(resolve(publicIssuer)));
    }

    /** No comment may repeat the v1 advice that core should set issuer and JWKS URL to skip discovery. */
    @Test
    void commentsNoLongerTellCoreToSkipDiscovery() throws IOException {
        String text = Files.readString(docker.resolve("docker-compose.yml"));
        assertThat(text).doesNotContainIgnoringCase("discovery is skipped").doesNotContainIgnoringCase("skips discovery");
    }

    @Test
    void healthCheckAsksTheManagementPortAndPostgresIsAwaited() {
        assertThat(env).containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat(env).as("the contract's meters at /metrics on the management port").containsEntry("KC_METRICS_ENABLED", "true");
        String management = env.get("KC_HTTP_MANAGEMENT_PORT");
        String check = String.join(" ", strings((List<?>) map(keycloak.get("healthcheck")).get("test")));
        assertThat(check).contains("/dev/tcp/127.0.0.1/" + management).contains("GET /health/ready");
        // Ready means HTTP 200: while the realm imports, the 503 body lists sub-checks that are already "UP".
        assertThat(check).contains("'HTTP/1.1 200'").doesNotContain("\"UP\"");

        assertThat(env).containsEntry("KC_DB", "postgres");
        assertThat(env.get("KC_DB_URL")).startsWith("jdbc:postgresql://postgres:");
        assertThat(map(map(keycloak.get("depends_on")).get("postgres"))).containsEntry("condition", "service_healthy");
        Map<String, Object> services = map(compose.get("services"));
        for (String name : List.of("postgres", "cluster-postgres")) {
            // Over TCP: during the official image's init phase a socket-only temporary server already answers.
            String pgCheck = String.join(" ", strings((List<?>) map(map(services.get(name)).get("healthcheck")).get("test")));
            assertThat(pgCheck).as(name).contains("pg_isready").contains("-h 127.0.0.1");
        }
        // One PostgreSQL major on purpose: the stacks share docs, tests and look-alike images (docs/operations.md).
        assertThat(List.of("postgres", "cluster-postgres")).extracting(name -> map(services.get(name)).get("image"))
                .containsOnly("postgres:17");
        // /dev/tcp is bash's, and /bin/sh is not bash in every image: each such check runs bash itself.
        for (String name : List.of("keycloak", "cluster-keycloak-1", "cluster-keycloak-2")) {
            List<String> test = strings((List<?>) map(map(services.get(name)).get("healthcheck")).get("test"));
            assertThat(test.subList(0, 3)).as(name).containsExactly("CMD", "bash", "-c");
        }
    }

    @Test
    void envExampleNamesEveryVariableWithTheComposeDefault() throws IOException {
        Properties example = new Properties();
        try (Reader reader = Files.newBufferedReader(docker.resolve(".env.example"))) {
            example.load(reader);
        }
        String withoutComments = Files.readAllLines(docker.resolve("docker-compose.yml")).stream()
                .filter(line -> !line.strip().startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
        Matcher variables = VARIABLE.matcher(withoutComments);
        int count = 0;
        while (variables.find()) {
            count++;
            assertThat(variables.group(2)).as("${%s} needs a default", variables.group(1)).isNotNull();
            assertThat(example.getProperty(variables.group(1))).as(variables.group(1)).isEqualTo(variables.group(2));
        }
        assertThat(count).isGreaterThan(0);
    }

    /** The optional two-node profile: same image and jar as the single node, one shared public hostname. */
    @Test
    void clusterProfileRunsTheSameImageAndJarOnTwoNodesWithOneIssuer() {
        Map<String, Object> services = map(compose.get("services"));
        List<Map<String, Object>> nodes = List.of(map(services.get("cluster-keycloak-1")), map(services.get("cluster-keycloak-2")));
        Map<String, Object> singleJar = mountInto("/opt/keycloak/providers/", keycloak);
        for (Map<String, Object> node : nodes) {
            assertThat(node.get("image")).isEqualTo(keycloak.get("image"));
            assertThat(strings((List<?>) node.get("profiles"))).containsExactly("cluster");
            assertThat(mountInto("/opt/keycloak/providers/", node).get("source")).isEqualTo(singleJar.get("source"));
            assertThat(strings((List<?>) node.get("command")).get(0)).as("production mode").isEqualTo("start");
        }
        assertThat(strings(map(nodes.get(0).get("environment"))).get("KC_HOSTNAME"))
                .isEqualTo(strings(map(nodes.get(1).get("environment"))).get("KC_HOSTNAME"));
        assertThat(mountsInto("/opt/keycloak/data/import/", nodes.get(0))).hasSize(1)
                .allSatisfy(m -> assertThat(m.get("source")).isEqualTo("./realm/mozaiks-realm.json"));
        assertThat(strings((List<?>) map(services.get("cluster-postgres")).get("profiles"))).containsExactly("cluster");
    }

    // --- helpers

    /** Compose's ${VAR:-default} with every variable unset. */
    static String resolve(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertThat(m.group(2)).as("${%s} needs a default", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> ports() {
        return strings((List<?>) keycloak.get("ports"));
    }

    private static Map<String, Object> mountInto(String targetDir, Map<String, Object> service) {
        List<Map<String, Object>> mounts = mountsInto(targetDir, service);
        assertThat(mounts).hasSize(1);
        return mounts.get(0);
    }

    private static List<Map<String, Object>> mountsInto(String targetDir, Map<String, Object> service) {
        return ((List<?>) service.get("volumes")).stream()
                .map(v -> {
                    assertThat(v).as("bind mounts use the long syntax").isInstanceOf(Map.class);
                    return map(v);
                })
                .filter(v -> String.valueOf(v.get("target")).startsWith(targetDir))
                .toList();
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static List<String> strings(List<?> list) {
        return list.stream().map(String::valueOf).toList();
    }

    /** A direct child {@code <section><name>} of the pom's {@code <project>}, read with a real XML parser. */
    static String pomValue(Path pom, String section, String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(pom.toFile());
        Element sectionElement = child(doc.getDocumentElement(), section);
        Element value = child(sectionElement, name);
        return value.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
