package io.mozaiks.identity.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard itself: it passes a contract payload and names each kind of drift. */
class ContractGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContractGuard guard = new ContractGuard(Paths.get("..", "docs", "contracts"));

    private static final String USER = "{\"iss\":\"http://localhost:8080/realms/mozaiks\",\"aud\":[\"mozaiks-api\"],"
            + "\"azp\":\"mozaiks-shell\",\"sub\":\"u1\",\"exp\":2,\"iat\":1,\"preferred_username\":\"ada\","
            + "\"scope\":\"openid access_as_user\",\"scp\":\"openid access_as_user\",\"roles\":[\"admin\",\"user\"],"
            + "\"tid\":\"mozaiks\",\"amr\":[\"pwd\"],\"allowed-origins\":[\"x\"]}";

    @Test
    void contractPayloadPassesAndExtraKeycloakClaimsAreNotDrift() throws Exception {
        assertThat(guard.differences(ContractGuard.USER_SCHEMA, JSON.readTree(USER))).isEmpty();
    }

    @Test
    void rolesAsAStringIsDrift() throws Exception {
        JsonNode drifted = JSON.readTree(USER.replace("[\"admin\",\"user\"]", "\"admin user\""));
        assertThat(guard.differences(ContractGuard.USER_SCHEMA, drifted)).anyMatch(d -> d.contains("$.roles"));
    }

    @Test
    void scpArrayOrDifferentFromScopeIsDrift() throws Exception {
        JsonNode drifted = JSON.readTree(USER.replace("\"scp\":\"openid access_as_user\"", "\"scp\":[\"openid\",\"access_as_user\"]"));
        assertThat(guard.differences(ContractGuard.USER_SCHEMA, drifted)).anyMatch(d -> d.contains("$.scp"));
    }

    @Test
    void missingTenantAndInternalRoleAreDrift() throws Exception {
        JsonNode drifted = JSON.readTree(USER.replace(",\"tid\":\"mozaiks\"", "").replace("\"user\"]", "\"offline_access\"]"));
        assertThat(guard.differences(ContractGuard.USER_SCHEMA, drifted)).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(d -> d.contains("tid")).anyMatch(d -> d.contains("$.roles"));
    }

    @Test
    void serviceTokenWithScopeIsDriftAndTheMessageIsReadyToHandOver() {
        String payload = "{\"iss\":\"http://h/realms/r\",\"aud\":\"mozaiks-api\",\"azp\":\"c\",\"sub\":\"s\",\"exp\":2,"
                + "\"iat\":1,\"roles\":[\"internal_service\"],\"tid\":\"r\",\"scope\":\"profile\"}";
        String jwt = "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + ".sig";

        assertThatThrownBy(() -> guard.check(ContractGuard.SERVICE_SCHEMA, "service access token", jwt))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PUBLIC CONTRACT CHANGED")
                .hasMessageContaining("bump the")
                .hasMessageContaining("service-access-token.schema.json");
    }
}
