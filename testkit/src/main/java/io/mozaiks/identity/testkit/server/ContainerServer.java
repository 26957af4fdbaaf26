package io.mozaiks.identity.testkit.server;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.mozaiks.identity.runner.FreePorts;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The official Keycloak image through testcontainers-keycloak, with the same jar and realm. Used only
 * when a Docker engine answers; {@link #unavailableReason()} says why not otherwise.
 *
 * <p>Configured as the distribution is: the issuer is {@code http://127.0.0.1:<port>} on a port picked
 * here and published on loopback only (the dev users' passwords equal their names), and back-channel
 * URLs follow the address a service calls, as in the compose stack.
 */
final class ContainerServer implements ServerUnderTest {

    private static final int HTTP_PORT = 8080;

    private final KeycloakContainer container;
    private final String baseUrl;

    private ContainerServer(KeycloakContainer container, String baseUrl) {
        this.container = container;
        this.baseUrl = baseUrl;
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
        int hostPort = FreePorts.pick();
        String baseUrl = "http://127.0.0.1:" + hostPort;
        KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + version)
                .withProviderLibsFrom(List.of(providerJar.toFile()))
                .withRealmImportFiles(realmResource, usersResource)
                .withCustomCommand("--hostname=" + baseUrl)
                .withCustomCommand("--hostname-backchannel-dynamic=true")
                .withEnabledMetrics();
        container.setPortBindings(List.of("127.0.0.1:" + hostPort + ":" + HTTP_PORT));
        System.out.println("[testkit] starting Keycloak container quay.io/keycloak/keycloak:" + version
                + " on " + baseUrl);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
        return new ContainerServer(container, baseUrl);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String selfUrl() {
        return "http://127.0.0.1:" + HTTP_PORT;
    }

    @Override
    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    @Override
    public String metricsUrl() {
        return container.getMgmtServerUrl() + "/metrics";
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
