package io.mozaiks.identity.keycloak.it;

import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside review, finding 3: a realm Frontend URL with shell syntax in its path would make AUTH_ISSUER of
 * the public env documents run a command when sourced. The value is refused (409 naming the setting),
 * never quoted; the JSON contract document still shows it as data.
 */
class FrontendUrlIT {

    @Test
    void shellSyntaxInTheIssuerIsRefusedNotQuoted() {
        String realm = "frontend-" + UUID.randomUUID().toString().substring(0, 8);
        String frontend = TestServer.baseUrl() + "/a&id;b";
        AdminApi admin = new AdminApi(TestServer.baseUrl(), realm);
        admin.createRealm(Map.of("realm", realm, "enabled", true, "attributes", Map.of("frontendUrl", frontend),
                "clients", List.of(Map.of("clientId", "mozaiks-api", "publicClient", false, "standardFlowEnabled", false)),
                "clientScopes", List.of(Map.of("name", "access_as_user", "protocol", "openid-connect",
                        "protocolMappers", List.of(Map.of("name", "contract", "protocol", "openid-connect",
                                "protocolMapper", "mozaiks-contract-v1-mapper", "config", Map.of())))))).expect(201);
        try {
            String base = TestServer.baseUrl() + "/realms/" + realm + "/mozaiks/contract";
            assertThat(Http.get(base).expect(200).json().get("issuer").asText()).startsWith(frontend);
            for (String consumer : List.of("core", "platform", "plugin-host")) {
                Reply reply = Http.get(base + "/env/" + consumer);
                assertThat(reply.status()).as(consumer + " " + reply.body()).isEqualTo(409);
                assertThat(reply.json().get("error").asText()).isEqualTo("contract_invalid");
                assertThat(reply.body()).doesNotContain("a&id;b");
            }
        } finally {
            admin.delete("");
        }
    }
}
