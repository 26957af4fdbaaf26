package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.runner.KeycloakServer;
import io.mozaiks.identity.runner.ServerSettings;
import io.mozaiks.identity.testkit.http.Http;
import io.mozaiks.identity.testkit.http.Reply;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second real server WITHOUT a configured hostname: its issuer follows request headers, so the
 * contract endpoint must say so and refuse to hand out consumer settings (trust safety).
 */
class HostnameUnsetIT {

    private static KeycloakServer server;

    @BeforeAll
    static void startWithoutHostname() throws IOException {
        Assumptions.assumeFalse("container".equals(System.getProperty(TestServer.MODE_PROPERTY)),
                "the distribution suite runs this test; the container suite has no second server");
        Path dist = Paths.get(System.getProperty("keycloak.home"));
        Path work = Paths.get(System.getProperty("mozaiks.work.dir"));
        Path copy = work.resolve("hostname-unset-keycloak");
        copyDistribution(dist, copy);
        Path realmDir = Paths.get(System.getProperty("mozaiks.realm.dir"));
        server = KeycloakServer.start(ServerSettings.builder(copy)
                .provider(Paths.get(System.getProperty("mozaiks.provider.jar")))
                .importFile(realmDir.resolve(TestServer.REALM + "-realm.json"))
                .hostname(null)
                .log(work.resolve("hostname-unset-keycloak.log"))
                .build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void contractWarnsThatTheIssuerFollowsRequestHeaders() {
        Reply reply = Http.get(server.baseUrl() + "/realms/mozaiks/mozaiks/contract").expect(200);
        JsonNode warnings = reply.json().get("warnings");
        assertThat(warnings.toString()).contains("hostname");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void consumerSettingsAreRefusedWithTheFix() {
        for (String consumer : new String[] {"core", "platform"}) {
            Reply reply = Http.get(server.baseUrl() + "/realms/mozaiks/mozaiks/contract/env/" + consumer);
            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            assertThat(reply.field("error")).isEqualTo("hostname_not_configured");
            assertThat(reply.field("fix")).contains("hostname");
        }
    }

    /** A private copy (without data/): two servers must not share one distribution folder. */
    private static void copyDistribution(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(p -> !from.relativize(p).startsWith("data")).forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
