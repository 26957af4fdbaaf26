package io.mozaiks.identity.testkit.server;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The official Keycloak image through testcontainers-keycloak, with the same jar and realm. Used only
 * when a Docker engine answers; {@link #unavailableReason()} says why not otherwise.
 */
final class ContainerServer implements ServerUnderTest {

    private final KeycloakContainer container;

    private ContainerServer(KeycloakContainer container) {
        this.container = container;
    }

    static Optional<String> unavailableReason() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                    : Optional.of("no Docker engine answers on this machine");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Docker check failed: " + e);
        }
    }

    /** Realm files are classpath resources here (the module adds docker/realm as test resources). */
    static ContainerServer start(String version, Path providerJar, String realmResource, String usersResource) {
        KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + version)
                .withProviderLibsFrom(List.of(providerJar.toFile()))
                .withRealmImportFiles(realmResource, usersResource);
        System.out.println("[testkit] starting Keycloak container quay.io/keycloak/keycloak:" + version);
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public String baseUrl() {
        return container.getAuthServerUrl().replaceAll("/$", "");
    }

    @Override
    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    @Override
    public String logText() {
        return container.getLogs();
    }

    @Override
    public void close() {
        container.stop();
    }
}
