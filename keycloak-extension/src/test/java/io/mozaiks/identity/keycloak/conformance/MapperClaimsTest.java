package io.mozaiks.identity.keycloak.conformance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MapperClaimsTest {

    private static final List<String> API = List.of("mozaiks-api");

    private static String written(String providerId, Map<String, String> config) {
        return MapperClaims.writtenClaim(providerId, config, API);
    }

    @Test
    void hardcodedClaimOfAStrippedName() {
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "mozaiks_token_use", "claim.value", "x")))
                .isEqualTo("mozaiks_token_use");
    }

    @Test
    void userAttributeMapperWritingUserId() {
        assertThat(written("oidc-usermodel-attribute-mapper", Map.of("claim.name", "user_id", "user.attribute", "id")))
                .isEqualTo("user_id");
    }

    @Test
    void realmRoleMapperDefaultsToRealmAccess() {
        assertThat(written("oidc-usermodel-realm-role-mapper", Map.of())).isEqualTo("realm_access");
        assertThat(written("oidc-usermodel-realm-role-mapper", null)).isEqualTo("realm_access");
        assertThat(written("oidc-usermodel-realm-role-mapper", Map.of("claim.name", "realm_access.roles")))
                .isEqualTo("realm_access");
    }

    @Test
    void clientRoleMapperDefaultsToResourceAccess() {
        assertThat(written("oidc-usermodel-client-role-mapper", Map.of())).isEqualTo("resource_access");
    }

    @Test
    void aCustomRoleClaim() {
        assertThat(written("oidc-usermodel-realm-role-mapper", Map.of("claim.name", "roles"))).isEqualTo("roles");
        assertThat(written("oidc-usermodel-realm-role-mapper", Map.of("claim.name", " roles "))).isEqualTo("roles");
        assertThat(written("oidc-usermodel-realm-role-mapper", Map.of("claim.name", "app_roles"))).isNull();
    }

    @Test
    void anEscapedDotIsPartOfTheName() {
        assertThat(MapperClaims.topLevel("a\\.b")).isEqualTo("a.b").isNotEqualTo("a");
        assertThat(MapperClaims.topLevel("a.b")).isEqualTo("a");
        assertThat(MapperClaims.topLevel("a\\.b.c")).isEqualTo("a.b");
        assertThat(MapperClaims.topLevel("roles")).isEqualTo("roles");
        assertThat(MapperClaims.topLevel("")).isEmpty();
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "roles\\.x"))).isNull();
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "roles.x"))).isEqualTo("roles");
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "tid\\.x.y"))).isNull();
    }

    @Test
    void audienceMapper() {
        assertThat(written("oidc-audience-mapper", Map.of("included.client.audience", "mozaiks-api"))).startsWith("aud");
        assertThat(written("oidc-audience-mapper", Map.of("included.custom.audience", "mozaiks-api"))).startsWith("aud");
        assertThat(written("oidc-audience-mapper", Map.of("included.client.audience", "other-client"))).isNull();
        assertThat(written("oidc-audience-mapper", Map.of())).isNull();
        assertThat(MapperClaims.writtenClaim("oidc-audience-mapper", Map.of("included.client.audience", "mozaiks-api"), null))
                .isNull();
    }

    @Test
    void acrAndAmrMappers() {
        assertThat(written("oidc-acr-mapper", Map.of())).isEqualTo("acr");
        assertThat(written("oidc-amr-mapper", Map.of())).isEqualTo("amr");
    }

    @Test
    void everyStrippedAndOwnedClaimIsChecked() {
        for (String claim : List.of("realm_access", "resource_access", "mozaiks_app_id", "mozaiks_token_use",
                "mozaiks_chat_id", "chat_id", "user_id", "uid", "username", "is_superadmin", "scope", "scp", "roles",
                "tid", "amr", "app_id", "acr")) {
            assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", claim))).as(claim).isEqualTo(claim);
        }
    }

    @Test
    void harmlessClaims() {
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "department"))).isNull();
        assertThat(written("oidc-usermodel-attribute-mapper", Map.of("claim.name", "locale"))).isNull();
        assertThat(written("oidc-full-name-mapper", Map.of())).isNull();
    }

    @Test
    void caseVariantsOfReadNamesAreWrittenClaims() {
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "Roles", "claim.value", "[\"SuperAdmin\"]")))
                .isEqualTo("Roles (read as roles by mozaiks-platform)");
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "AMR"))).startsWith("AMR (read as amr");
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "\u017Fcp"))).contains("read as scp");
        assertThat(written("oidc-usermodel-attribute-mapper", Map.of("claim.name", "Email"))).contains("read as email");
        assertThat(written("oidc-usermodel-attribute-mapper", Map.of("claim.name", "Realm_Access.roles")))
                .contains("read as realm_access");
        assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", "Department"))).isNull();
    }

    @Test
    void theNewStrippedNamesAndKeycloakFieldsAreWrittenClaims() {
        for (String name : List.of("plan", "subscription", "entitlements", "billing", "capability_id", "mozaiks_capability_id",
                "iss", "typ", "exp")) {
            assertThat(written("oidc-hardcoded-claim-mapper", Map.of("claim.name", name))).as(name).isEqualTo(name);
        }
    }
}
