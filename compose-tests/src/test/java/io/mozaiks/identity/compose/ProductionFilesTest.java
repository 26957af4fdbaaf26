package io.mozaiks.identity.compose;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.mozaiks.identity.compose.Yaml.list;
import static io.mozaiks.identity.compose.Yaml.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The production image's files checked against the build, without Docker (ProductionImageIT boots them). */
class ProductionFilesTest {

    private static final Path DOCKER = Path.of(BuildProperties.required("mozaiks.docker.dir")).toAbsolutePath().normalize();
    private static final Path ROOT = DOCKER.getParent();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[-?][^}]*)?}");

    @Test
    void dockerfileBuildsTheBuildsKeycloakVersionOptimizedAndRunsAsUid1000() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher arg = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertThat(arg.find()).isTrue();
        assertThat(arg.group(1)).as("KEYCLOAK_VERSION default = keycloak.version").isEqualTo(BuildProperties.required("keycloak.version"));
        assertThat(dockerfile).contains("FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION} AS builder")
                .contains("KC_DB=postgres").contains("KC_HEALTH_ENABLED=true").contains("KC_METRICS_ENABLED=true")
                .contains("COPY --chown=1000:0 keycloak-extension/target/mozaiks-keycloak-extension.jar /opt/keycloak/providers/")
                .contains("RUN /opt/keycloak/bin/kc.sh build");
        String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(finalStage).startsWith("\nFROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}\n")
                .contains("COPY --from=builder").contains("USER 1000").contains("ENTRYPOINT [\"/opt/keycloak/bin/kc.sh\"]")
                .doesNotContain("data/import").doesNotContain("realm");
        // OCI labels from build args that both build-image scripts pass.
        assertThat(finalStage).contains("org.opencontainers.image.version=\"${MOZAIKS_VERSION}\"")
                .contains("org.opencontainers.image.revision=\"${MOZAIKS_REVISION}\"")
                .contains("org.opencontainers.image.source=\"${MOZAIKS_SOURCE}\"")
                .contains("org.opencontainers.image.licenses=\"Apache-2.0\"");
    }

    @Test
    void buildContextHoldsOnlyTheProviderJar() throws IOException {
        List<String> rules = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(rules).containsExactly("*", "!keycloak-extension/target/mozaiks-keycloak-extension.jar");
    }

    @Test
    void buildImageScriptsTagWithProjectAndKeycloakVersion() throws IOException {
        assertThat(BuildProperties.imageTag()).isEqualTo("mozaiks/identity-keycloak:"
                + BuildProperties.required("project.version") + "-kc" + BuildProperties.required("keycloak.version"));
        assertThat(Files.readString(ROOT.resolve("bin/build-image")))
                .contains("tag=\"mozaiks/identity-keycloak:${project_version}-kc${keycloak_version}\"")
                .contains("--build-arg \"KEYCLOAK_VERSION=$keycloak_version\"")
                .contains("--build-arg \"MOZAIKS_VERSION=$project_version\"").contains("--build-arg \"MOZAIKS_REVISION=$revision\"")
                .contains("--build-arg \"MOZAIKS_SOURCE=$source_url\"");
        assertThat(Files.readString(ROOT.resolve("bin/build-image.cmd")))
                .contains("set \"TAG=mozaiks/identity-keycloak:%PROJECT_VERSION%-kc%KEYCLOAK_VERSION%\"")
                .contains("--build-arg \"KEYCLOAK_VERSION=%KEYCLOAK_VERSION%\"")
                .contains("--build-arg \"MOZAIKS_VERSION=%PROJECT_VERSION%\"").contains("--build-arg \"MOZAIKS_REVISION=%REVISION%\"")
                .contains("--build-arg \"MOZAIKS_SOURCE=%SOURCE_URL%\"");
    }

    @Test
    void prodComposeStartsTheBuildsImageOptimizedWithTheRealmOnly() throws IOException {
        Map<String, Object> services = map(Yaml.load(DOCKER.resolve("docker-compose.prod.yml")).get("services"));
        Map<String, Object> keycloak = map(services.get("keycloak"));
        assertThat(keycloak.get("image")).isEqualTo("${MOZAIKS_IMAGE:-" + BuildProperties.imageTag() + "}");
        assertThat(list(keycloak.get("command"))).containsExactly("start", "--optimized", "--import-realm");

        Map<String, Object> env = map(keycloak.get("environment"));
        assertThat(String.valueOf(env.get("KC_HOSTNAME"))).as("a public URL is required, no default").startsWith("${KEYCLOAK_PUBLIC_URL:?");
        assertThat(env).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true").containsEntry("KC_HTTP_MANAGEMENT_PORT", "9000")
                .doesNotContainKey("KC_DB").as("build options are the image's");
        assertThat(String.valueOf(env.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))).startsWith("${KEYCLOAK_ADMIN_PASSWORD:?");

        List<Object> mounts = list(keycloak.get("volumes"));
        assertThat(mounts).hasSize(1);
        assertThat(map(mounts.get(0))).containsEntry("source", "./realm/mozaiks-realm.json")
                .containsEntry("target", "/opt/keycloak/data/import/mozaiks-realm.json").containsEntry("read_only", true);
        assertThat(Files.readString(DOCKER.resolve("docker-compose.prod.yml"))).doesNotContain("mozaiks-users");

        Map<String, Object> devServices = map(Yaml.load(DOCKER.resolve("docker-compose.yml")).get("services"));
        assertThat(map(keycloak.get("healthcheck")).get("test")).as("the dev stack's readiness check (HTTP 200)")
                .isEqualTo(map(map(devServices.get("keycloak")).get("healthcheck")).get("test"));
        assertThat(map(services.get("postgres")).get("image")).as("one PostgreSQL major everywhere")
                .isEqualTo(map(devServices.get("postgres")).get("image"));
    }

    @Test
    void envProdExampleNamesEveryVariableOfTheProdComposeFile() throws IOException {
        Properties example = new Properties();
        String text = Files.readString(DOCKER.resolve(".env.prod.example"));
        example.load(new java.io.StringReader(text.replace("# MOZAIKS_IMAGE=", "MOZAIKS_IMAGE=")));
        Matcher variables = VARIABLE.matcher(Files.readString(DOCKER.resolve("docker-compose.prod.yml")));
        int count = 0;
        while (variables.find()) {
            count++;
            assertThat(example).as(variables.group(1) + " in .env.prod.example").containsKey(variables.group(1));
        }
        assertThat(count).isGreaterThan(5);
        assertThat(example.getProperty("KEYCLOAK_ADMIN_PASSWORD")).as("no password in the example").isEmpty();
        assertThat(example.getProperty("POSTGRES_PASSWORD")).isEmpty();
        assertThat(example.getProperty("MOZAIKS_IMAGE")).isEqualTo(BuildProperties.imageTag());
    }
}
