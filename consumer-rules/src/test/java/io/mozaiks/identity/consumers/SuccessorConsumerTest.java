package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuccessorConsumerTest {

    private static LocalIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = LocalIssuer.start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    /** core's document: the successor reads the same names, so it configures the successor too. */
    private static Map<String, String> coreDocument() {
        return ContractEnv.core(issuer.issuer());
    }

    @Test
    void coresDocumentMakesTheSuccessorAcceptAContractUserAndServiceToken() throws Rejected {
        SuccessorConsumer successor = SuccessorConsumer.fromEnv(coreDocument());
        String user = issuer.sign(issuer.claims().claim("scope", "openid access_as_user").claim("scp", "openid access_as_user")
                .claim("roles", List.of("user", "admin")).build());
        Principal principal = successor.user(user);
        assertThat(principal.userId()).isEqualTo("user-1");
        assertThat(principal.roles()).containsExactly("user", "admin");
        assertThat(SuccessorConsumer.isAdmin(principal)).isTrue();
        assertThatThrownBy(() -> successor.internal(user)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.USER_TOKEN_ON_INTERNAL));

        String service = issuer.sign(issuer.claims().claim("azp", "mozaiks-core").claim("roles", List.of("internal_service")).build());
        assertThat(successor.internal(service).clientId()).isEqualTo("mozaiks-core");
        assertThatThrownBy(() -> successor.user(service)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.SCOPE_MISSING));
    }

    @Test
    void itsOwnDefaultsRejectAContractToken() {
        // Built-ins: audience mozaiks-app (contract tokens carry mozaiks-api).
        Map<String, String> defaults = Map.of("AUTH_ISSUER", issuer.issuer(), "AUTH_JWKS_URL", ContractEnv.jwksUrl(issuer.issuer()));
        String token = issuer.sign(issuer.claims().claim("scp", "openid access_as_user").build());
        assertThatThrownBy(() -> SuccessorConsumer.fromEnv(defaults).user(token)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.AUDIENCE));
    }

    @Test
    void scopesComeFromScpOnly() throws ParseException {
        Map<String, String> env = coreDocument();
        ConsumerView scopeOnly = SuccessorConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"u\",\"scope\":\"access_as_user\"}"));
        assertThat(scopeOnly.scopes()).isEmpty();
        assertThat(scopeOnly.internal()).as("no scp: internal").isTrue();
        assertThat(SuccessorConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"u\",\"scp\":\"openid  access_as_user\"}")).scopes())
                .containsExactly("openid", "access_as_user");
        // With its built-in required scope openid, an ID-token-like scp "openid" is a user token.
        assertThat(SuccessorConsumer.view(Map.of(), JWTClaimsSet.parse("{\"sub\":\"u\",\"scp\":\"openid\"}")).internal()).isFalse();
    }

    @Test
    void rolesComeFromOneClaimAnObjectsRolesOrAListAsIs() throws ParseException {
        Map<String, String> builtIn = Map.of(); // AUTH_ROLES_CLAIM = realm_access
        JWTClaimsSet keycloak = JWTClaimsSet.parse("{\"sub\":\"u\",\"realm_access\":{\"roles\":[\"user\",\"admin\",3]},"
                + "\"roles\":[\"superadmin\"]}");
        assertThat(SuccessorConsumer.view(builtIn, keycloak).roles()).containsExactly("user", "admin");
        assertThat(SuccessorConsumer.view(builtIn, keycloak).admin()).isTrue();
        JWTClaimsSet flat = JWTClaimsSet.parse("{\"sub\":\"u\",\"realm_access\":[\"admin\"]}");
        assertThat(SuccessorConsumer.view(builtIn, flat).roles()).containsExactly("admin");
        // A string is not split (unlike core), and there is no fallback to realm_access when roles is empty.
        assertThat(SuccessorConsumer.view(coreDocument(), JWTClaimsSet.parse("{\"sub\":\"u\",\"roles\":\"admin user\"}")).roles()).isEmpty();
        assertThat(SuccessorConsumer.view(coreDocument(), JWTClaimsSet.parse(
                "{\"sub\":\"u\",\"roles\":[],\"realm_access\":{\"roles\":[\"admin\"]}}")).roles()).isEmpty();
        // No dot path: a dotted name is one claim name.
        assertThat(SuccessorConsumer.view(Map.of("AUTH_ROLES_CLAIM", "realm_access.roles"), keycloak).roles()).isEmpty();
    }

    @Test
    void adminIsTheRoleAdminExactlyAndOnlyOneLevel() throws ParseException {
        Map<String, String> env = coreDocument();
        for (String role : List.of("superadmin", "Admin", "ADMIN", "platform_admin", "internal_service", "service")) {
            ConsumerView view = SuccessorConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"u\",\"roles\":[\"" + role + "\"]}"));
            assertThat(view.admin()).as(role).isFalse();
            assertThat(view.superAdmin()).as(role).isFalse();
        }
        ConsumerView admin = SuccessorConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"u\",\"roles\":[\"admin\"]}"));
        assertThat(admin.admin()).isTrue();
        assertThat(admin.superAdmin()).isTrue();
        assertThat(admin.roles()).isEqualTo(Set.of("admin"));
    }

    @Test
    void authOffAndHostedDefaultsAreRefused() {
        Map<String, String> off = new HashMap<>(coreDocument());
        off.put("AUTH_ENABLED", "false");
        assertThatThrownBy(() -> SuccessorConsumer.fromEnv(off)).hasMessage("AUTH_ENABLED=false turns auth off (fails open)");
        Map<String, String> hosted = new HashMap<>(coreDocument());
        hosted.put("MOZAIKS_OIDC_TENANT_ID", "t");
        assertThatThrownBy(() -> SuccessorConsumer.fromEnv(hosted)).hasMessageContaining("legacy hosted defaults");
    }

    @Test
    void withoutAnyUrlItUsesItsBuiltInAuthority() {
        assertThat(ConsumerProfile.SUCCESSOR.keysUrl(Map.of())).isNull();
        assertThat(SuccessorVariables.DISCOVERY_URL.defaultValue())
                .isEqualTo("http://localhost:8080/realms/mozaiks/.well-known/openid-configuration");
    }
}
