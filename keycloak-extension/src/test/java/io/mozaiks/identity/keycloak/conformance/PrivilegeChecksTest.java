package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegeChecksTest {

    @Test
    void privilegeSettingsPassWithoutProblems() {
        Check check = PrivilegeChecks.privilegeSettings(List.of());
        assertThat(check.status()).isEqualTo(Check.Status.PASS);
        assertThat(check.id()).isEqualTo("privilege-settings");
        assertThat(check.subject()).isEqualTo("realm");
    }

    @Test
    void invalidPrivilegeSettingsFailAndSayHowToCorrectThem() {
        PrivilegeSettings broken = PrivilegeSettingsParser.parse(Map.of(PrivilegeSettings.ROLE_ALIASES, "x:superadmin"), Map.of());
        Check check = PrivilegeChecks.privilegeSettings(broken.problems());
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.reason()).contains(PrivilegeSettings.ROLE_ALIASES, "superadmin", "no roles");
        assertThat(check.fix()).contains("Correct the listed settings", "/mozaiks/contract/settings", "manage-realm")
                .doesNotContain("Migrate");
    }

    @Test
    void aLegacyMapperKeyFailsNamingTheMigration() {
        PrivilegeSettings legacy = PrivilegeSettingsParser.parse(Map.of(),
                Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service"));
        Check check = PrivilegeChecks.privilegeSettings(legacy.problems());
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.fix()).contains("Migrate to contract 1.1", "PUT <issuer>/mozaiks/contract/settings",
                PrivilegeSettings.ROLE_ALIASES, PrivilegeSettings.SERVICE_ONLY_ROLES, "remove");
    }

    @Test
    void missingReferencesFailToo() {
        Check check = PrivilegeChecks.privilegeSettings(List.of(new Problem(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS,
                "client \"ghost\" does not exist")));
        assertThat(check.pass()).isFalse();
        assertThat(check.reason()).contains("ghost");
    }

    @Test
    void roleAliasExpectsPlatformAdminToAdmin() {
        assertThat(PrivilegeChecks.roleAlias(PrivilegeSettingsParser.parse(Map.of(), Map.of())).status())
                .isEqualTo(Check.Status.PASS);
        for (String value : List.of("none", "platform_admin:Operator", "ops:Admin")) {
            Check check = PrivilegeChecks.roleAlias(PrivilegeSettingsParser.parse(
                    Map.of(PrivilegeSettings.ROLE_ALIASES, value), Map.of()));
            assertThat(check.status()).as(value).isEqualTo(Check.Status.FAIL);
            assertThat(check.id()).isEqualTo("role-alias-platform-admin");
            assertThat(check.fix()).contains("platform_admin:Admin", PrivilegeSettings.ROLE_ALIASES, "/mozaiks/contract/settings");
        }
    }

    @Test
    void roleAliasFailsWhenTheAliasesAreUnusable() {
        PrivilegeSettings broken = PrivilegeSettingsParser.parse(Map.of(PrivilegeSettings.ROLE_ALIASES, "bad"), Map.of());
        assertThat(PrivilegeChecks.roleAlias(broken).pass()).isFalse();
    }

    @Test
    void serviceRoleHolders() {
        assertThat(PrivilegeChecks.serviceRoleHolders(List.of()).status()).isEqualTo(Check.Status.PASS);
        Check check = PrivilegeChecks.serviceRoleHolders(List.of("user alice", "group /ops"));
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.id()).isEqualTo("service-role-holders");
        assertThat(check.reason()).contains("user alice", "group /ops", "superadmin");
        assertThat(check.fix()).contains("Remove those role mappings", "service accounts");
    }

    @Test
    void singleContractMapper() {
        assertThat(PrivilegeChecks.singleContractMapper(List.of()).status()).isEqualTo(Check.Status.PASS);
        Check check = PrivilegeChecks.singleContractMapper(List.of("client app-x", "client scope other"));
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.id()).isEqualTo("single-contract-mapper");
        assertThat(check.reason()).contains("client app-x", "client scope other", "access_as_user");
        assertThat(check.fix()).contains("Delete them", "access_as_user");
    }

    @Test
    void serviceAccountInternal() {
        assertThat(PrivilegeChecks.serviceAccountInternal("app", false, false, false).status()).isEqualTo(Check.Status.PASS);
        assertThat(PrivilegeChecks.serviceAccountInternal("svc", true, true, true).status()).isEqualTo(Check.Status.PASS);

        Check noRole = PrivilegeChecks.serviceAccountInternal("svc", true, false, true);
        assertThat(noRole.status()).isEqualTo(Check.Status.FAIL);
        assertThat(noRole.id()).isEqualTo("service-account-internal");
        assertThat(noRole.subject()).isEqualTo("svc");
        assertThat(noRole.reason()).contains("holds no service-only role");
        assertThat(noRole.fix()).contains("Clients > svc", "switch the service account off", "internal_service");

        Check notListed = PrivilegeChecks.serviceAccountInternal("svc", true, true, false);
        assertThat(notListed.status()).isEqualTo(Check.Status.FAIL);
        assertThat(notListed.reason()).contains(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "does not list it");
        assertThat(notListed.fix()).contains(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS);
    }

    @Test
    void internalServiceClientsWithAReadableSecretAreAWarning() {
        assertThat(PrivilegeChecks.internalServiceCredentials("svc", true, "client-secret").status()).isEqualTo(Check.Status.WARN);
        assertThat(PrivilegeChecks.internalServiceCredentials("svc", true, "client-secret-jwt").status()).isEqualTo(Check.Status.WARN);
        assertThat(PrivilegeChecks.internalServiceCredentials("svc", true, "client-jwt").status()).isEqualTo(Check.Status.PASS);
        assertThat(PrivilegeChecks.internalServiceCredentials("app", false, "client-secret").status()).isEqualTo(Check.Status.PASS);
        assertThat(PrivilegeChecks.internalServiceCredentials("svc", true, "client-secret").fix()).contains("Signed JWT");
    }
}
