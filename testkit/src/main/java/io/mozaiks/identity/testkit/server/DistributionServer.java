package io.mozaiks.identity.testkit.server;

import io.mozaiks.identity.runner.DistributionCopy;
import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.runner.KeycloakServer;
import io.mozaiks.identity.runner.ServerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The unpacked distribution Maven fetched, started with {@code start-dev} and a configured hostname. */
final class DistributionServer implements ServerUnderTest {

    private final KeycloakServer server;

    private DistributionServer(KeycloakServer server) {
        this.server = server;
    }

    static DistributionServer start(Path home, Path providerJar, Path realmFile, Path usersFile, Path workDir) {
        // A fresh data folder per run: the realm import skips realms that already exist.
        DistributionCopy.delete(home.resolve("data"));
        int httpPort = FreePorts.pick();
        // The issuer is the loopback URL the tests use, so cookies and form actions stay on one host.
        ServerSettings settings = ServerSettings.builder(home)
                .provider(providerJar)
                .importFile(realmFile)
                .importFile(usersFile)
                .httpPort(httpPort)
                .hostname("http://127.0.0.1:" + httpPort)
                // As in the compose stack: back-channel URLs follow the address a service calls (localhost here).
                .arg("--hostname-backchannel-dynamic=true")
                // As in the compose stack: the contract's meters are scraped from the management port.
                .arg("--metrics-enabled=true")
                .log(workDir.resolve("keycloak.log"))
                .build();
        System.out.println("[testkit] starting Keycloak distribution " + home + " on " + settings.baseUrl()
                + " (log: " + settings.log() + ")");
        return new DistributionServer(KeycloakServer.start(settings));
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public String selfUrl() {
        return server.baseUrl();
    }

    @Override
    public String issuer(String realm) {
        return server.issuer(realm);
    }

    @Override
    public String metricsUrl() {
        return server.settings().managementUrl() + "/metrics";
    }

    @Override
    public String logText() {
        try {
            return Files.readString(server.settings().log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
