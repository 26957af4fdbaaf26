package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.conformance.ClientClaimChecks.ClaimWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientClaimChecksTest {

    private static final ClaimWriter STOCK_ROLES = new ClaimWriter("realm roles", "oidc-usermodel-realm-role-mapper",
            "realm_access", "client scope roles", true);
    private static final ClaimWriter STOCK_ACR = new ClaimWriter("acr loa level", "oidc-acr-mapper", "acr",
            "client scope acr", true);
    private static final ClaimWriter FOREIGN = new ClaimWriter("token use", "oidc-hardcoded-claim-mapper",
            "mozaiks_token_use", "client app", false);

    @Test
    void noWritersPass() {
        Check check = ClientClaimChecks.foreignClaimMappers("app", List.of());
        assertThat(check.status()).isEqualTo(Check.Status.PASS);
        assertThat(check.subject()).isEqualTo("app");
    }

    @Test
    void keycloaksStockScopesOnlyWarn() {
        Check check = ClientClaimChecks.foreignClaimMappers("app", List.of(STOCK_ROLES, STOCK_ACR));
        assertThat(check.status()).isEqualTo(Check.Status.WARN);
        assertThat(check.pass()).isTrue();
        assertThat(check.reason()).contains("realm roles", "realm_access", "acr loa level");
        assertThat(check.fix()).contains("client scopes roles and acr", "client app");
    }

    @Test
    void aForeignWriterFailsNamingOnlyTheForeignMapper() {
        Check check = ClientClaimChecks.foreignClaimMappers("app", List.of(STOCK_ROLES, FOREIGN));
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.id()).isEqualTo(ClientClaimChecks.FOREIGN_CLAIM_MAPPERS);
        assertThat(check.reason()).contains("token use (oidc-hardcoded-claim-mapper, writes mozaiks_token_use, in client app)")
                .doesNotContain("realm roles");
        assertThat(check.fix()).contains("Remove those mappers from client app");
    }

    @Test
    void aClientWithoutConsentIsNoThirdParty() {
        assertThat(ClientClaimChecks.thirdParty("app", false, false, true).status()).isEqualTo(Check.Status.PASS);
    }

    @Test
    void aThirdPartyClientShowingTheScopeWithoutFullScopePasses() {
        assertThat(ClientClaimChecks.thirdParty("tp", true, true, false).status()).isEqualTo(Check.Status.PASS);
    }

    @Test
    void aThirdPartyClientHidingTheScopeFails() {
        Check check = ClientClaimChecks.thirdParty("tp", true, false, false);
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.id()).isEqualTo(ClientClaimChecks.THIRD_PARTY_CLIENT);
        assertThat(check.reason()).contains("hidden from the consent screen", "access_as_user");
        assertThat(check.fix()).contains("Client scopes > access_as_user", "Display on consent screen on");
    }

    @Test
    void aThirdPartyClientWithFullScopeFails() {
        Check check = ClientClaimChecks.thirdParty("tp", true, true, true);
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.reason()).contains("Full scope allowed");
        assertThat(check.fix()).contains("Clients > tp", "Full scope allowed off");
    }

    @Test
    void tokenAudience() {
        assertThat(ClientClaimChecks.tokenAudience(List.of()).status()).isEqualTo(Check.Status.PASS);
        Check check = ClientClaimChecks.tokenAudience(List.of("legacy-app", "tool"));
        assertThat(check.status()).isEqualTo(Check.Status.WARN);
        assertThat(check.id()).isEqualTo(ClientClaimChecks.TOKEN_AUDIENCE);
        assertThat(check.reason()).contains("legacy-app", "tool", "plugin-host");
        assertThat(check.fix()).contains("Audience mapper", "access_as_user");
    }

    @Test
    void apiAudienceOutsideTheContractFailsAndNamesTheSource() {
        assertThat(ClientClaimChecks.apiAudienceOutsideContract(java.util.List.of()).status()).isEqualTo(Check.Status.PASS);
        Check check = ClientClaimChecks.apiAudienceOutsideContract(java.util.List.of("client app-x (Audience mapper aud)"));
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.reason()).contains("client app-x", "roles");
        assertThat(check.fix()).contains("access_as_user");
    }

    @Test
    void clientIdsThePlatformCannotTellApartFail() {
        Check check = ClientClaimChecks.clientIdCollisions(java.util.Map.of("Mozaiks-Core", "equals mozaiks-core ignoring case"));
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.reason()).contains("Mozaiks-Core (equals mozaiks-core ignoring case)");
        assertThat(check.fix()).contains("Rename");
        assertThat(ClientClaimChecks.clientIdCollisions(java.util.Map.of()).status()).isEqualTo(Check.Status.PASS);
    }
}
