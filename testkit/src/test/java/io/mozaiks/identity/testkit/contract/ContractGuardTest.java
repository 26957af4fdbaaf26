package io.mozaiks.identity.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // --- contract 1.1: the same drift guard on the new files, plus the stripped claims

    private static final String SERVICE = "{\"iss\":\"http://h/realms/r\",\"aud\":\"mozaiks-api\",\"azp\":\"c\",\"sub\":\"s\","
            + "\"exp\":2,\"iat\":1,\"roles\":[\"internal_service\"],\"tid\":\"r\"}";

    @Test
    void contractPayloadsPassTheSchemasOfContract11() throws Exception {
        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_1, JSON.readTree(USER))).isEmpty();
        assertThat(guard.differences(ContractGuard.SERVICE_SCHEMA_1_1, JSON.readTree(SERVICE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"realm_access", "resource_access", "mozaiks_app_id", "mozaiks_token_use", "mozaiks_chat_id",
            "chat_id", "user_id", "uid", "username", "is_superadmin"})
    void everyStrippedClaimIsDriftIn11ButNotInV1(String claim) throws Exception {
        String value = claim.equals("realm_access") || claim.equals("resource_access")
                ? "{\"roles\":[\"superadmin\"]}" : claim.equals("is_superadmin") ? "true" : "\"execution\"";
        JsonNode user = JSON.readTree(USER.replace("{\"iss\"", "{\"" + claim + "\":" + value + ",\"iss\""));
        JsonNode service = JSON.readTree(SERVICE.replace("{\"iss\"", "{\"" + claim + "\":" + value + ",\"iss\""));

        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_1, user)).anyMatch(d -> d.contains(claim));
        assertThat(guard.differences(ContractGuard.SERVICE_SCHEMA_1_1, service)).anyMatch(d -> d.contains(claim));
        assertThat(guard.differences(ContractGuard.USER_SCHEMA, user)).as("v1 stays as published").isEmpty();
    }

    @Test
    void mfaInAcrWithoutMfaInAmrIsDriftIn11() throws Exception {
        JsonNode stale = JSON.readTree(USER.replace("\"amr\":[\"pwd\"]", "\"amr\":[\"pwd\"],\"acr\":\"urn:mozaiks:MFA\""));
        JsonNode real = JSON.readTree(USER.replace("\"amr\":[\"pwd\"]", "\"amr\":[\"mfa\",\"otp\",\"pwd\"],\"acr\":\"mfa\""));
        JsonNode plain = JSON.readTree(USER.replace("\"amr\":[\"pwd\"]", "\"amr\":[\"pwd\"],\"acr\":\"1\""));

        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_1, stale)).isNotEmpty();
        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_1, real)).isEmpty();
        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_1, plain)).isEmpty();
    }

    @Test
    void serviceOnlyRolesInUserTokensAndServiceTokensWithoutOneAreDriftIn11() throws Exception {
        JsonNode user = JSON.readTree(USER.replace("\"user\"]", "\"service\"]"));
        JsonNode service = JSON.readTree(SERVICE.replace("[\"internal_service\"]", "[\"developer\"]"));

        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_1, user)).anyMatch(d -> d.contains("$.roles"));
        assertThat(guard.differences(ContractGuard.SERVICE_SCHEMA_1_1, service)).anyMatch(d -> d.contains("$.roles"));
    }
}
