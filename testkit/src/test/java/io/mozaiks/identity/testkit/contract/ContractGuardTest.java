package io.mozaiks.identity.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

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
    // --- contract 1.2: the new stripped claims, and claim NAMES compared the way .NET compares them

    /**
     * The read names of contract 1.2 (docs/contracts/auth-claims-v1.2.md#read-names; in the extension
     * {@code ReadClaimNames.ALL}). Every case variant of one of them is forbidden by the 1.2 schemas.
     */
    static final List<String> READ_NAMES = List.of("acr", "amr", "app_id", "appid", "aud", "azp", "billing",
            "capability_id", "chat_id", "client_id", "email", "entitlements", "exp", "family_name", "given_name", "iat",
            "is_superadmin", "iss", "mozaiks_app_id", "mozaiks_capability_id", "mozaiks_chat_id", "mozaiks_token_use",
            "name", "nbf", "plan", "preferred_username", "realm_access", "resource_access", "roles", "scope", "scp",
            "sub", "subscription", "tid", "typ", "uid", "user_id", "username");

    static final List<String> STRIPPED_1_2 = List.of("realm_access", "resource_access", "mozaiks_app_id",
            "mozaiks_token_use", "mozaiks_chat_id", "chat_id", "user_id", "uid", "username", "is_superadmin",
            "mozaiks_capability_id", "capability_id", "plan", "subscription", "entitlements", "billing");

    /** USER with every read name that is not stripped, exactly spelled: all of them may appear in a 1.2 token. */
    private static final String USER_WITH_EVERY_EXACT_READ_NAME = USER.replace("{\"iss\"", "{\"name\":\"Ada L\","
            + "\"given_name\":\"Ada\",\"family_name\":\"L\",\"email\":\"ada@example.com\",\"acr\":\"1\",\"app_id\":\"app-1\","
            + "\"appid\":\"mozaiks-shell\",\"client_id\":\"mozaiks-shell\",\"typ\":\"Bearer\",\"nbf\":1,\"iss\"");

    @Test
    void contractPayloadsWithEveryExactReadNamePassTheSchemasOf12() throws Exception {
        JsonNode user = JSON.readTree(USER_WITH_EVERY_EXACT_READ_NAME);
        List<String> present = new ArrayList<>();
        user.fieldNames().forEachRemaining(present::add);
        assertThat(present).as("every read name that is not stripped")
                .containsAll(READ_NAMES.stream().filter(n -> !STRIPPED_1_2.contains(n)).toList());

        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_2, user)).isEmpty();
        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_2, JSON.readTree(USER))).isEmpty();
        assertThat(guard.differences(ContractGuard.SERVICE_SCHEMA_1_2, JSON.readTree(SERVICE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"realm_access", "resource_access", "mozaiks_app_id", "mozaiks_token_use", "mozaiks_chat_id",
            "chat_id", "user_id", "uid", "username", "is_superadmin",
            "mozaiks_capability_id", "capability_id", "plan", "subscription", "entitlements", "billing"})
    void everyStrippedClaimOf12IsDriftIn12(String claim) throws Exception {
        JsonNode user = JSON.readTree(with(USER, claim, "\"x\""));
        JsonNode service = JSON.readTree(with(SERVICE, claim, "\"x\""));

        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_2, user)).anyMatch(d -> d.contains(claim));
        assertThat(guard.differences(ContractGuard.SERVICE_SCHEMA_1_2, service)).anyMatch(d -> d.contains(claim));
    }

    /** The finding of contract 1.2: names that .NET reads as roles, amr, acr, scp, tid, sub, ... (and 1.1 let through). */
    @ParameterizedTest
    @ValueSource(strings = {"Roles", "ROLES", "AMR", "Acr", "ACR", "SCP", "Scope", "TID", "SUB", "Azp", "AZP", "Email",
            "Iss", "AUD", "Typ", "EXP", "Nbf", "IAT", "Name", "Given_Name", "Family_Name", "Preferred_Username",
            "AppId", "APP_ID", "Client_Id", "Mozaiks_Token_Use", "Is_SuperAdmin", "Realm_Access", "Resource_Access",
            "Mozaiks_App_Id", "Mozaiks_Chat_Id", "Chat_ID", "User_Id", "UID", "UserName", "Capability_Id",
            "Mozaiks_Capability_Id", "Plan", "Subscription", "Entitlements", "BILLING",
            // characters whose upper case is ASCII: the long s, the dotless i, the dotted I, the Kelvin sign
            "\u017Fcp", "\u017Fub", "role\u017F", "t\u0131d", "\u0130at", "u\u0131d", "mozai\u212As_token_use"})
    void everyCaseVariantOfAReadNameIsDriftIn12ButNotIn11(String claim) throws Exception {
        JsonNode user = JSON.readTree(with(USER, claim, "[\"SuperAdmin\"]"));
        JsonNode service = JSON.readTree(with(SERVICE, claim, "\"mfa\""));

        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_2, user)).as(claim).anyMatch(d -> d.contains(claim));
        assertThat(guard.differences(ContractGuard.SERVICE_SCHEMA_1_2, service)).as(claim).anyMatch(d -> d.contains(claim));
        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_1, user)).as("1.1 compared exact names only").isEmpty();
    }

    @Test
    void theUpperAndTheCapitalisedFormOfEveryReadNameAreDriftIn12() throws Exception {
        for (String name : READ_NAMES) {
            for (String variant : List.of(name.toUpperCase(Locale.ROOT),
                    Character.toUpperCase(name.charAt(0)) + name.substring(1))) {
                JsonNode user = JSON.readTree(with(USER, variant, "true"));
                assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_2, user)).as(variant).anyMatch(d -> d.contains(variant));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles2", "x-roles", "rolesx", "ROLE", "rol\u00E9s", "Scopes", "TIDE", "allowed-origins",
            "sid", "auth_time", "session_state", "Session_State", "\uFF32oles"})
    void namesThatOnlyResembleAReadNameAreNotDrift(String claim) throws Exception {
        assertThat(guard.differences(ContractGuard.USER_SCHEMA_1_2, JSON.readTree(with(USER, claim, "\"x\"")))).as(claim).isEmpty();
    }

    @Test
    void aClaimThatAppearsTwiceIsDrift() {
        String payload = SERVICE.replace("{\"iss\":\"http://h/realms/r\"", "{\"iss\":\"http://h/realms/r\",\"iss\":\"http://evil/realms/r\"");
        String jwt = "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";

        assertThatThrownBy(() -> guard.check(ContractGuard.SERVICE_SCHEMA_1_2, "service access token", jwt))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.iss: the claim appears more than once");
        String clean = "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(SERVICE.getBytes(StandardCharsets.UTF_8)) + ".sig";
        guard.check(ContractGuard.SERVICE_SCHEMA_1_2, "service access token", clean);
    }

    @Test
    void duplicatesAreFoundAtTheTopLevelOnly() {
        assertThat(ContractGuard.duplicateClaims("{\"a\":{\"b\":1,\"b\":2},\"c\":[{\"d\":1},{\"d\":2}],\"a\":3,\"c\":4,\"a\":5}"
                .getBytes(StandardCharsets.UTF_8))).containsExactly("a", "c");
        assertThat(ContractGuard.duplicateClaims("{\"a\":1,\"A\":2}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static String with(String payload, String claim, String jsonValue) {
        return payload.replace("{\"iss\"", "{\"" + claim + "\":" + jsonValue + ",\"iss\"");
    }
}
