package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.runner.DistributionCopy;
import io.mozaiks.identity.runner.KeycloakServer;
import io.mozaiks.identity.runner.ServerSettings;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second real server WITHOUT a configured hostname: its issuer follows request headers, so the
 * contract endpoint must say so and refuse to hand out consumer settings (trust safety).
 */
class HostnameUnsetIT {

    private static KeycloakServer server;

    @BeforeAll
    static void startWithoutHostname() {
        Assumptions.assumeFalse("container".equals(System.getProperty(TestServer.MODE_PROPERTY)),
                "the distribution suite runs this test; the container suite has no second server");
        Path dist = Paths.get(System.getProperty("keycloak.home"));
        Path work = Paths.get(System.getProperty("mozaiks.work.dir"));
        // A private copy (without data/): two servers must not share one distribution folder.
        Path copy = DistributionCopy.copy(dist, work.resolve("hostname-unset-keycloak"));
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
}
