package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.mozaiks.identity.keycloak.it.Fixture.CONTRACT_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside review, finding 4: a third-party (consent-required) contract client receives the API audience,
 * the user's roles and identity claims; conformance must say so when the consent screen hides the
 * contract scope or the client has full scope.
 */
class ThirdPartyClientIT {

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    private static String check(String clientId, String field) {
        return ConformanceIT.check(Fixture.conformanceReport(), clientId, "third-party-client").path(field).asText();
    }

    @Test
    void consentClientWithFullScopeOrAHiddenContractScopeFails() {
        String clientId = "third-party-" + UUID.randomUUID().toString().substring(0, 8);
        Fixture.ordinaryContractClient(clientId, false);
        AdminApi admin = Fixture.admin();
        String id = admin.clientUuid(clientId);
        ObjectNode rep = (ObjectNode) admin.get("/clients/" + id).expect(200).json();
        rep.put("consentRequired", true);
        admin.put("/clients/" + id, rep).expect(204);

        assertThat(check(clientId, "status")).isEqualTo("fail");
        assertThat(check(clientId, "reason")).contains("Full scope allowed");

        rep.put("fullScopeAllowed", false);
        admin.put("/clients/" + id, rep).expect(204);
        assertThat(check(clientId, "status")).isEqualTo("pass");

        String scopeId = admin.clientScopeId(CONTRACT_SCOPE);
        JsonNode scope = admin.get("/client-scopes/" + scopeId).expect(200).json();
        ObjectNode hidden = scope.deepCopy();
        ((ObjectNode) hidden.get("attributes")).put("display.on.consent.screen", "false");
        admin.put("/client-scopes/" + scopeId, hidden).expect(204);
        try {
            assertThat(check(clientId, "status")).isEqualTo("fail");
            assertThat(check(clientId, "reason")).contains("hidden from the consent screen");
            assertThat(check(clientId, "fix")).contains("Display on consent screen");
        } finally {
            admin.put("/client-scopes/" + scopeId, scope).expect(204);
        }
    }
}
