package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksTest {

    private static final ContractSettings DEFAULTS = ContractSettingsParser.parse(Map.of());

    @Test
    void contractScope() {
        assertThat(Checks.contractScope("access_as_user", DEFAULTS).pass()).isTrue();
        Check broken = Checks.contractScope("s", ContractSettingsParser.parse(Map.of(ContractSettings.TENANT, "a b")));
        assertThat(broken.pass()).isFalse();
        assertThat(broken.reason()).contains(ContractSettings.TENANT);
    }

    @Test
    void audienceClientWithoutFlowsPasses() {
        assertThat(Checks.audienceClient(new Checks.AudienceClient("api", true, false, false, false, false, false, false, false))
                .pass()).isTrue();
    }

    @Test
    void audienceClientWithALoginFlowFailsNamingTheFlow() {
        Check check = Checks.audienceClient(new Checks.AudienceClient("api", true, true, false, false, true, false, false, false));
        assertThat(check.pass()).isFalse();
        assertThat(check.reason()).contains("standard flow", "service account");
        assertThat(check.fix()).contains("switch off: standard flow, service account");
    }

    @Test
    void missingAudienceClientFails() {
        assertThat(Checks.audienceClient(new Checks.AudienceClient("api", false, false, false, false, false, false, false, false))
                .reason()).contains("does not exist");
    }

    @Test
    void signingKeyMustBeRsaRs256() {
        assertThat(Checks.signingKey("RS256", "RSA").pass()).isTrue();
        assertThat(Checks.signingKey(null, "RSA").pass()).isTrue();
        Check es = Checks.signingKey("ES256", "EC");
        assertThat(es.pass()).isFalse();
        assertThat(es.fix()).contains("RS256");
        assertThat(Checks.signingKey("RS256", null).reason()).contains("no active key");
    }

    @Test
    void introspection() {
        assertThat(Checks.introspection(false, List.of()).pass()).isTrue();
        assertThat(Checks.introspection(true, List.of()).fix()).contains("allow-token-introspection-without-audience-check");
        assertThat(Checks.introspection(false, List.of("c1")).reason()).contains("c1");
    }

    @Test
    void roleAlias() {
        assertThat(PrivilegeChecks.roleAlias(PrivilegeSettingsParser.parse(Map.of(), Map.of())).pass()).isTrue();
        Check none = PrivilegeChecks.roleAlias(PrivilegeSettingsParser.parse(
                Map.of(PrivilegeSettings.ROLE_ALIASES, "none"), Map.of()));
        assertThat(none.pass()).isFalse();
        assertThat(none.id()).isEqualTo(PrivilegeChecks.ROLE_ALIAS);
        assertThat(none.fix()).contains("platform_admin:Admin").doesNotContain("platform_admin:admin");
    }

    @Test
    void hostname() {
        assertThat(Checks.hostname(false).pass()).isTrue();
        assertThat(Checks.hostname(true).fix()).contains("--hostname");
    }

    @Test
    void defaultScope() {
        assertThat(Checks.defaultScope("c", "s", "default", "x").pass()).isTrue();
        assertThat(Checks.defaultScope("c", "s", "optional", "x").reason()).contains("Optional");
        Check missing = Checks.defaultScope("c", "s", null, "x");
        assertThat(missing.reason()).contains("not assigned");
        assertThat(missing.fix()).contains("add s as Default");
    }

    @Test
    void mappersAtOrAfterTheContractFail() {
        List<Checks.AppliedMapper> early = List.of(new Checks.AppliedMapper("roles", "oidc-usermodel-realm-role-mapper", 40, "x"));
        assertThat(Checks.noLaterMapper("c", 1000, early).pass()).isTrue();
        Check late = Checks.noLaterMapper("c", 1000, List.of(new Checks.AppliedMapper("late", "p", 1000, "scope y")));
        assertThat(late.pass()).isFalse();
        assertThat(late.reason()).contains("late", "scope y");
    }

    @Test
    void clientSigning() {
        assertThat(Checks.clientSigning("c", null).pass()).isTrue();
        assertThat(Checks.clientSigning("c", "RS256").pass()).isTrue();
        assertThat(Checks.clientSigning("c", "PS256").pass()).isFalse();
    }

    @Test
    void jsonShowsReasonAndFixOnlyOnWarningOrFailure() {
        assertThat(Check.pass("id", "realm").toJson()).containsOnlyKeys("id", "status").containsEntry("status", "pass");
        assertThat(Check.fail("id", "realm", "r", "f").toJson()).containsEntry("status", "fail")
                .containsEntry("reason", "r").containsEntry("fix", "f");
        assertThat(Check.warn("id", "realm", "r", "f").toJson()).containsEntry("status", "warn")
                .containsEntry("reason", "r").containsEntry("fix", "f");
    }

    @Test
    void aWarningDoesNotFailButAFailureDoes() {
        assertThat(Check.pass("id", "realm").pass()).isTrue();
        assertThat(Check.warn("id", "realm", "r", "f").pass()).isTrue();
        assertThat(Check.fail("id", "realm", "r", "f").pass()).isFalse();
    }
}
