package io.mozaiks.identity.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.mozaiks.identity.compose.Yaml.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker/k8s/ checked offline (no Kubernetes runs here): the operator's API version, the build's image, the
 * realm file exactly, no secret values, and the figures docs/operations.md states.
 */
class K8sManifestsTest {

    static final String API_VERSION = "k8s.keycloak.org/v2beta1";
    private static final Path DOCKER = Path.of(BuildProperties.required("mozaiks.docker.dir")).toAbsolutePath().normalize();
    private static final Path K8S = DOCKER.resolve("k8s");
    /** Keys whose scalar value would be a credential; Secret NAMES are allowed only at these paths. */
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("(?i)password|secret|clientSecret|value|token|credentials");
    private static final Set<String> SECRET_NAME_PATHS = Set.of("spec.bootstrapAdmin.user.secret", "spec.bootstrapAdmin.service.secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keycloakRunsTheBuildsImageOptimizedAsOperationsDocumentsIt() throws IOException {
        Map<String, Object> keycloak = Yaml.load(K8S.resolve("keycloak.yaml"));
        assertThat(keycloak).containsEntry("apiVersion", API_VERSION).containsEntry("kind", "Keycloak");
        Map<String, Object> spec = map(keycloak.get("spec"));
        assertThat(spec).containsEntry("image", BuildProperties.imageTag()).containsEntry("startOptimized", true);
        assertThat(map(spec.get("db"))).containsEntry("vendor", "postgres");
        assertThat(map(map(spec.get("db")).get("usernameSecret"))).containsKeys("name", "key");
        assertThat(map(map(spec.get("db")).get("passwordSecret"))).containsKeys("name", "key");
        assertThat(map(spec.get("hostname"))).containsEntry("backchannelDynamic", true);
        assertThat(map(spec.get("httpManagement"))).containsEntry("port", 9000);

        String operations = Files.readString(Path.of(BuildProperties.required("mozaiks.docs.dir")).resolve("operations.md"));
        assertThat(spec.get("instances")).as("spec.instances vs docs/operations.md")
                .isEqualTo(Integer.parseInt(documented(operations, "spec.instances")));
        assertThat(map(spec.get("hostname")).get("hostname")).as("spec.hostname.hostname vs docs/operations.md")
                .isEqualTo(documented(operations, "spec.hostname.hostname"));
    }

    @Test
    void realmImportIsTheRealmFileExactlyForThatKeycloak() throws IOException {
        Map<String, Object> keycloak = Yaml.load(K8S.resolve("keycloak.yaml"));
        Map<String, Object> realmImport = Yaml.load(K8S.resolve("realm-import.yaml"));
        assertThat(realmImport).containsEntry("apiVersion", API_VERSION).containsEntry("kind", "KeycloakRealmImport");
        Map<String, Object> spec = map(realmImport.get("spec"));
        assertThat(spec.get("keycloakCRName")).isEqualTo(map(keycloak.get("metadata")).get("name"));

        JsonNode realm = JSON.readTree(DOCKER.resolve("realm/mozaiks-realm.json").toFile());
        if (!JSON.valueToTree(spec.get("realm")).equals(realm)) {
            Path expected = writeExpectedRealmImport(realmImport, realm);
            fail("docker/k8s/realm-import.yaml's spec.realm differs from docker/realm/mozaiks-realm.json;"
                    + " the expected file was written to " + expected + ": copy it to docker/k8s/realm-import.yaml");
        }
        for (JsonNode user : realm.path("users")) {
            assertThat(user.hasNonNull("serviceAccountClientId")).as("only service accounts, no people: " + user.path("username")).isTrue();
        }
    }

    @Test
    void noManifestHoldsASecretValue() throws IOException {
        for (Path file : List.of(K8S.resolve("keycloak.yaml"), K8S.resolve("realm-import.yaml"))) {
            for (Map<String, Object> document : Yaml.loadAll(file)) {
                assertThat(document.get("kind")).as(file + ": Secrets are created by the operator's user, never committed")
                        .isNotEqualTo("Secret");
                List<String> found = new ArrayList<>();
                credentials("", document, found);
                assertThat(found).as(file + ": credential values").isEmpty();
            }
        }
    }

    private static void credentials(String path, Object node, List<String> found) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                String child = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                boolean scalar = !(value instanceof Map) && !(value instanceof List);
                if (scalar && value != null && CREDENTIAL_KEY.matcher(String.valueOf(key)).matches()
                        && !SECRET_NAME_PATHS.contains(child)) {
                    found.add(child);
                }
                credentials(child, value, found);
            });
        } else if (node instanceof List<?> items) {
            items.forEach(item -> credentials(path + "[]", item, found));
        }
    }

    /** A value of the Kubernetes table in docs/operations.md: {@code | `key` | `value` |}. */
    private static String documented(String operations, String key) {
        Matcher m = Pattern.compile("\\|\\s*`" + Pattern.quote(key) + "`\\s*\\|\\s*`([^`]+)`").matcher(operations);
        assertThat(m.find()).as("docs/operations.md documents `" + key + "`").isTrue();
        return m.group(1);
    }

    private static Path writeExpectedRealmImport(Map<String, Object> current, JsonNode realm) throws IOException {
        Map<String, Object> expected = new LinkedHashMap<>(current);
        Map<String, Object> spec = new LinkedHashMap<>(map(current.get("spec")));
        spec.put("realm", JSON.convertValue(realm, Map.class));
        expected.put("spec", spec);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(100);
        String header = Files.readAllLines(K8S.resolve("realm-import.yaml")).stream()
                .takeWhile(line -> line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        Path out = Path.of(BuildProperties.required("mozaiks.work.dir")).resolve("realm-import.yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, header + new org.yaml.snakeyaml.Yaml(options).dump(expected));
        return out;
    }
}
