package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static io.mozaiks.identity.keycloak.it.Fixture.SHELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real code + PKCE login of mozaiks-shell, checked by every consumer rule. */
class UserTokenIT {

    private static Reply adminLogin;
    private static String accessToken;

    @BeforeAll
    static void login() {
        // dev-admin gets platform_admin and user through the group /platform-admins.
        adminLogin = CodeFlowLogin.shell().login("dev-admin", "dev-admin").expect(200);
        accessToken = adminLogin.field("access_token");
    }

    @Test
    void accessTokenCarriesTheUserContract() throws Exception {
        JWTClaimsSet claims = Fixture.claims(accessToken);

        assertThat(claims.getIssuer()).isEqualTo(io.mozaiks.identity.testkit.server.TestServer.issuer());
        assertThat(claims.getAudience()).containsExactly(API);
        assertThat(claims.getStringClaim("azp")).isEqualTo(SHELL);
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("dev-admin");
        assertThat(claims.getStringClaim("name")).isEqualTo("Ada Admin");
        assertThat(claims.getStringClaim("email")).isEqualTo("dev-admin@mozaiks.test");
        assertThat(claims.getStringClaim("tid")).isEqualTo("mozaiks");
        assertThat(Fixture.roles(claims)).containsExactly("Admin", "platform_admin", "user");
        String scope = claims.getStringClaim("scope");
        assertThat(scope.split(" ")).contains("access_as_user", "openid");
        assertThat(claims.getClaim("scp")).isEqualTo(scope);
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
    }

    @Test
    void pythonCoreAcceptsForUserEndpointsAndAPlatformAdminIsNoCoreSuperadmin() throws Exception {
        Principal principal = Fixture.core().user(accessToken);
        assertThat(principal.userId()).isEqualTo(Fixture.claims(accessToken).getSubject());
        assertThat(principal.email()).isEqualTo("dev-admin@mozaiks.test");
        // Contract 1.1: platform_admin becomes Admin (a .NET platform admin); core's one admin level is superadmin.
        assertThat(PythonCoreConsumer.isSuperAdmin(principal)).isFalse();
        assertThat(PythonCoreConsumer.adminOrInternal(principal)).isFalse();
        // The successor runtime reads scopes only from scp.
        assertThat(Fixture.coreSuccessor().user(accessToken).scopes()).contains("access_as_user");
        assertThatThrownBy(() -> Fixture.core().internal(accessToken, false)).isInstanceOf(Rejected.class);
    }

    @Test
    void dotnetBearerAcceptsAndInternalBearerRefuses() throws Exception {
        DotnetPlatformConsumer platform = Fixture.platform();
        Principal principal = platform.bearer(accessToken);
        assertThat(platform.isPlatformAdmin(principal)).isTrue();
        assertThat(platform.isSuperAdmin(principal)).isFalse();
        assertThat(principal.tenant()).isEqualTo("mozaiks");
        assertThat(DotnetPlatformConsumer.displayName(principal)).isEqualTo("Ada Admin");
        assertThatThrownBy(() -> platform.internalBearer(accessToken))
                .isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).status()).isEqualTo(401);
    }

    @Test
    void superadminPassesBothConsumersAdminChecks() throws Exception {
        String token = CodeFlowLogin.shell().login("dev-superadmin", "dev-superadmin").expect(200).field("access_token");
        Principal net = Fixture.platform().bearer(token);
        assertThat(Fixture.platform().isSuperAdmin(net)).isTrue();
        assertThat(PythonCoreConsumer.isAdmin(Fixture.core().user(token))).isTrue();
        assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("superadmin", "user");
    }

    @Test
    void compositeRolesAreExpanded() throws Exception {
        String token = CodeFlowLogin.shell().login("dev-developer", "dev-developer").expect(200).field("access_token");
        assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("developer", "user");
    }

    @Test
    void idTokenIsForTheClientOnlyAndRejectedByBothConsumers() throws Exception {
        String idToken = adminLogin.field("id_token");
        assertThat(Fixture.claims(idToken).getAudience()).containsExactly(SHELL);
        assertThatThrownBy(() -> Fixture.core().user(idToken)).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> Fixture.platform().bearer(idToken)).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> Fixture.platform().internalBearer(idToken)).isInstanceOf(Rejected.class);
    }

    @Test
    void refreshedTokenKeepsTheContract() throws Exception {
        String refreshed = Fixture.tokens().refresh(SHELL, null, adminLogin.field("refresh_token")).expect(200)
                .field("access_token");
        JWTClaimsSet claims = Fixture.claims(refreshed);
        assertThat(claims.getAudience()).containsExactly(API);
        assertThat(claims.getClaim("scp")).isEqualTo(claims.getStringClaim("scope"));
        assertThat(Fixture.roles(claims)).containsExactly("Admin", "platform_admin", "user");
        Fixture.platform().bearer(refreshed);
        Fixture.core().user(refreshed);
    }

    @Test
    void optionalScopeRequestedByTheClientAppearsInScp() throws Exception {
        String token = CodeFlowLogin.shell().login("dev-user", "dev-user", null, Map.of("scope", "openid phone"))
                .expect(200).field("access_token");
        String scp = (String) Fixture.claims(token).getClaim("scp");
        assertThat(scp.split(" ")).contains("phone", "access_as_user");
        assertThat(Fixture.platform().bearer(token).scopes()).contains("phone", "access_as_user");
    }

    @Test
    void unverifiedEmailIsNotInTheToken() throws Exception {
        String token = CodeFlowLogin.shell().login("dev-unverified", "dev-unverified").expect(200).field("access_token");
        assertThat(Fixture.claims(token).getClaims()).doesNotContainKey("email");
        assertThat(Fixture.core().user(token).email()).isNull();
    }

    @Test
    void userInfoHasNoAudience() {
        JsonNode userInfo = Fixture.tokens().userInfo(accessToken).expect(200).json();
        assertThat(userInfo.has("aud")).isFalse();
        assertThat(userInfo.get("preferred_username").asText()).isEqualTo("dev-admin");
    }

    @Test
    void introspectionByTheApiIsActiveWithTheSameClaims() throws Exception {
        JsonNode reply = Fixture.tokens().introspect(API, Fixture.admin().clientSecret(API), accessToken).expect(200).json();
        JWTClaimsSet claims = Fixture.claims(accessToken);
        assertThat(reply.get("active").asBoolean()).isTrue();
        assertThat(reply.get("scp").asText()).isEqualTo(claims.getClaim("scp"));
        assertThat(reply.get("tid").asText()).isEqualTo("mozaiks");
        assertThat(reply.get("roles").toString()).isEqualTo("[\"Admin\",\"platform_admin\",\"user\"]");
        assertThat(reply.get("aud").toString()).contains(API);
    }

    @Test
    void accessTokenUsesTheRfc9068Header() {
        assertThat(Fixture.jwt(accessToken).getHeader().getType().toString()).isEqualTo("at+jwt");
        assertThat(Fixture.jwt(accessToken).getHeader().getKeyID()).isNotBlank();
    }

    @Test
    void noBillingClaims() {
        assertThat(Fixture.claims(accessToken).getClaims().keySet())
                .noneMatch(k -> List.of("plan", "subscription", "entitlements", "billing").contains(k));
    }
}
