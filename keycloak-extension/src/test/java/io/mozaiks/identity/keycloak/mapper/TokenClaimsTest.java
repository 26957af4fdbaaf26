package io.mozaiks.identity.keycloak.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.keycloak.claims.TokenKind;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The token edits on Keycloak's own token classes, serialized as the server serializes them. */
class TokenClaimsTest {

    static final String ISSUER = "https://id.example.com/realms/mozaiks";

    static AccessToken keycloakToken() {
        AccessToken token = new AccessToken();
        token.issuer(ISSUER);
        token.type("Bearer");
        token.exp(2_000_000_000L);
        token.iat(1_900_000_000L);
        token.setSubject("user-id");
        token.issuedFor("app");
        token.setScope("openid profile email");
        token.setAcr("1");
        token.setRealmAccess(new AccessToken.Access().addRole("user"));
        return token;
    }

    static ContractDecision userDecision() {
        return new ContractDecision(TokenKind.USER, "user-id", "app", List.of("mozaiks-api"), "access_as_user", "dev-user",
                "Dev User", "dev@example.com", List.of("user"), "mozaiks", List.of("pwd"), null, Set.of());
    }

    @Test
    void hostileCaseVariantsNeverReachTheJson() throws Exception {
        AccessToken token = keycloakToken();
        Map<String, Object> other = token.getOtherClaims();
        other.put("Roles", List.of("SuperAdmin", "Admin"));
        other.put("AMR", "mfa");
        other.put("ACR", "mfa");
        other.put("SCP", "openid");
        other.put("TID", "other-tenant");
        other.put("SUB", "alice");
        other.put("Mozaiks_Token_Use", "execution");
        other.put("Is_SuperAdmin", true);
        other.put("Realm_Access", Map.of("roles", List.of("superadmin")));
        other.put("aud", "mozaiks-api");

        TokenClaims.applyToAccessToken(token, userDecision());

        JsonNode json = new ObjectMapper().readTree(JsonSerialization.writeValueAsString(token));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotHaveDuplicates()
                .doesNotContain("Roles", "AMR", "ACR", "SCP", "TID", "SUB", "Mozaiks_Token_Use", "Is_SuperAdmin",
                        "Realm_Access", "realm_access");
        assertThat(json.get("roles").toString()).isEqualTo("[\"user\"]");
        assertThat(json.get("scp").asText()).isEqualTo("openid profile email access_as_user");
        assertThat(json.get("scope").asText()).isEqualTo(json.get("scp").asText());
        assertThat(json.get("tid").asText()).isEqualTo("mozaiks");
        assertThat(json.get("sub").asText()).isEqualTo("user-id");
        assertThat(json.get("acr").asText()).isEqualTo("1");
        assertThat(json.get("aud").toString()).isEqualTo("\"mozaiks-api\"");
        assertThat(json.get("email").asText()).isEqualTo("dev@example.com");
    }

    @Test
    void aServiceTokenCarriesNoScopeWhateverAMapperWrote() throws Exception {
        AccessToken token = keycloakToken();
        token.getOtherClaims().put("Scope", "access_as_user");
        token.getOtherClaims().put("scp", "access_as_user");
        ContractDecision decision = new ContractDecision(TokenKind.INTERNAL_SERVICE, "sa-id", "mozaiks-core",
                List.of("mozaiks-api"), "access_as_user", null, null, null, List.of("internal_service"), "mozaiks",
                List.of(), null, Set.of());

        TokenClaims.applyToAccessToken(token, decision);

        JsonNode json = new ObjectMapper().readTree(JsonSerialization.writeValueAsString(token));
        assertThat(json.has("scope")).isFalse();
        assertThat(json.has("scp")).isFalse();
        assertThat(json.has("Scope")).isFalse();
        assertThat(json.has("amr")).isFalse();
    }

    @Test
    void anIdTokenIsAddressedToItsClientAndLosesVariantsToo() throws Exception {
        IDToken token = new IDToken();
        token.issuer(ISSUER);
        token.audience("app", "mozaiks-api");
        token.getOtherClaims().put("ROLES", List.of("superadmin"));
        token.getOtherClaims().put("roles", List.of("superadmin"));
        token.getOtherClaims().put("email", "dev@example.com");

        TokenClaims.applyToIdToken(token, "user-id", "app", List.of("mozaiks-api"));

        JsonNode json = new ObjectMapper().readTree(JsonSerialization.writeValueAsString(token));
        assertThat(json.get("aud").asText()).isEqualTo("app");
        assertThat(json.has("ROLES")).isFalse();
        assertThat(json.has("roles")).isFalse();
        assertThat(json.get("email").asText()).isEqualTo("dev@example.com");
        assertThat(json.get("sub").asText()).isEqualTo("user-id");
    }

    @Test
    void userInfoKeepsTheProfileAndLosesPrivilegeNamesInAnyCase() throws Exception {
        AccessToken userInfo = new AccessToken();
        userInfo.getOtherClaims().put("Tid", "x");
        userInfo.getOtherClaims().put("amr", List.of("mfa"));
        userInfo.getOtherClaims().put("given_name", "Dev");

        TokenClaims.applyToUserInfo(userInfo);

        assertThat(userInfo.getOtherClaims()).containsOnlyKeys("amr", "given_name");
    }
}
