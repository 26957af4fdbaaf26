package io.mozaiks.identity.doctor.realm;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealmPlannerTest {

    private static List<String> lines(RealmPlan plan) {
        return plan.changes().stream().map(Change::describe).toList();
    }

    @Test
    void coresExampleRealmGetsTheScopeTheMapperCleanupTheServiceRoleAndTheSettingsInOrder() {
        RealmPlan plan = RealmPlanner.plan(Shapes.coreExample(), Shapes.coreRequest());

        assertThat(plan.changes()).extracting(c -> c.getClass().getSimpleName()).containsExactly(
                "CreateRealmRole", "CreateRealmRole", "SetPrivilegeSettings", "FixAudienceClient", "CreateContractScope",
                "DeleteClientMapper", "DeleteClientMapper", "DetachScope", "DetachScope", "AddDefaultScope", "SetClientAttribute",
                "DetachScope", "AddDefaultScope", "SetClientAttribute", "GrantServiceRole", "RecordContractVersion");
        assertThat(lines(plan)).anySatisfy(l -> assertThat(l).isEqualTo("create realm role platform_admin (source of the role"
                        + " alias platform_admin:Admin; nobody is given it)"))
                .anySatisfy(l -> assertThat(l).startsWith("create realm role internal_service"))
                .anySatisfy(l -> assertThat(l).contains("mozaiks.role.aliases=platform_admin:Admin (unset before)")
                        .contains("mozaiks.internal.service.clients=mozaiks-core").contains("mozaiks.service.only.roles=internal_service,service"))
                .anySatisfy(l -> assertThat(l).isEqualTo("client mozaiks-api (the API audience, which only receives tokens): switch off standard flow"))
                .anySatisfy(l -> assertThat(l).startsWith("create client scope access_as_user with its one mapper")
                        .contains("mozaiks.audience=mozaiks-api").contains("mozaiks.app.id.client.attribute=mozaiks.app_id"))
                .anySatisfy(l -> assertThat(l).isEqualTo("client mozaiks-shell: delete mapper \"api audience\" (oidc-audience-mapper,"
                        + " writes aud (mozaiks-api), which only the contract decides)"))
                .anySatisfy(l -> assertThat(l).isEqualTo("client mozaiks-shell: delete mapper \"realm roles\""
                        + " (oidc-usermodel-realm-role-mapper, writes roles, which only the contract decides)"))
                .anySatisfy(l -> assertThat(l).startsWith("client mozaiks-shell: remove default client scope mozaiks-scope")
                        .contains("\"app_id\" (oidc-usermodel-attribute-mapper, writes app_id)"))
                .anySatisfy(l -> assertThat(l).startsWith("client mozaiks-shell: remove default client scope roles")
                        .contains("writes realm_access").contains("writes resource_access"))
                .anySatisfy(l -> assertThat(l).isEqualTo("client mozaiks-shell: set attribute mozaiks.app_id=core-app"))
                .anySatisfy(l -> assertThat(l).isEqualTo("service account of client mozaiks-core: grant realm role internal_service"
                        + " (its client-credentials tokens become internal service tokens)"))
                .anySatisfy(l -> assertThat(l).isEqualTo("set realm attribute mozaiks.contract.version=1.2"));
        assertThat(lines(plan)).noneSatisfy(l -> assertThat(l).contains("scope acr")).noneSatisfy(l -> assertThat(l).contains("scope profile"))
                .noneSatisfy(l -> assertThat(l).contains("admin-cli"));
        assertThat(plan.untouched()).anySatisfy(l -> assertThat(l).isEqualTo("other clients: admin-cli"))
                .anySatisfy(l -> assertThat(l).startsWith("users:")).anySatisfy(l -> assertThat(l).startsWith("secrets:"));
    }

    @Test
    void theUnifiedRealmGetsTheAudienceClientThePlatformAdminRoleAndLosesRealmAccess() {
        RealmPlan plan = RealmPlanner.plan(Shapes.unified(), Shapes.unifiedRequest());

        assertThat(plan.changes()).extracting(c -> c.getClass().getSimpleName()).containsExactly("CreateRealmRole",
                "SetPrivilegeSettings", "CreateAudienceClient", "CreateContractScope", "DeleteClientMapper", "DetachScope",
                "AddDefaultScope", "RecordContractVersion");
        assertThat(lines(plan)).contains("create client mozaiks-api (the API audience: confidential, every login flow and the"
                + " service account off)");
        assertThat(((Change.SetPrivilegeSettings) plan.changes().get(1)).values().internalServiceClients()).isEmpty();
        assertThat(plan.changes()).noneMatch(c -> c instanceof Change.GrantServiceRole);
    }

    @Test
    void applyingThePlanLeavesNothingToPlanAndItsTextIsStable() {
        for (RealmSnapshot realm : List.of(Shapes.coreExample(), Shapes.unified())) {
            DeployRequest request = realm.realm().equals("unified") ? Shapes.unifiedRequest() : Shapes.coreRequest();
            RealmSnapshot applied = PlanSimulator.apply(realm, RealmPlanner.plan(realm, request));
            assertThat(lines(RealmPlanner.plan(applied, request))).as(realm.realm()).isEmpty();
        }
    }

    @Test
    void aRealmWithANewerContractIsRefusedAndAnEqualOneIsNotRecordedAgain() {
        assertThatThrownBy(() -> RealmPlanner.plan(withAttribute(Shapes.unified(), ContractNames.VERSION_ATTRIBUTE, "1.3"),
                Shapes.unifiedRequest())).isInstanceOf(PlanRefused.class).hasMessageContaining("carries contract 1.3")
                .hasMessageContaining("newer than this mozaiks-doctor's 1.2");
        assertThatThrownBy(() -> RealmPlanner.plan(withAttribute(Shapes.unified(), ContractNames.VERSION_ATTRIBUTE, "2.0"),
                Shapes.unifiedRequest())).isInstanceOf(PlanRefused.class);
        assertThatThrownBy(() -> RealmPlanner.plan(withAttribute(Shapes.unified(), ContractNames.VERSION_ATTRIBUTE, "1.2\nx"),
                Shapes.unifiedRequest())).isInstanceOf(PlanRefused.class).hasMessageContaining("not a contract version")
                .hasMessageNotContaining("\n");
        assertThat(RealmPlanner.plan(withAttribute(Shapes.unified(), ContractNames.VERSION_ATTRIBUTE, "1.2"), Shapes.unifiedRequest())
                .changes()).noneMatch(c -> c instanceof Change.RecordContractVersion);
        assertThat(RealmPlanner.plan(withAttribute(Shapes.unified(), ContractNames.VERSION_ATTRIBUTE, "1.1"), Shapes.unifiedRequest())
                .changes()).anyMatch(c -> c.describe().equals("set realm attribute mozaiks.contract.version=1.2 (was 1.1)"));
    }

    @Test
    void hostileOrImpossibleRequestsAreRefusedWithTheReason() {
        RealmSnapshot core = Shapes.coreExample();
        assertThatThrownBy(() -> RealmPlanner.plan(core, request(List.of("mozaiks-shell\nclient x: grant"), List.of())))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("is not a client id").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> RealmPlanner.plan(core, request(List.of("Mozaiks-Shell"), List.of())))
                .hasMessageContaining("does not exist in realm core-example");
        assertThatThrownBy(() -> RealmPlanner.plan(core, request(List.of(), List.of())))
                .hasMessageContaining("name at least one client");
        assertThatThrownBy(() -> RealmPlanner.plan(core, request(List.of("mozaiks-api"), List.of())))
                .hasMessageContaining("is the API audience");
        assertThatThrownBy(() -> RealmPlanner.plan(core, request(List.of(), List.of("mozaiks-shell"))))
                .hasMessageContaining("has no service account");
        assertThatThrownBy(() -> RealmPlanner.plan(core, new DeployRequest(List.of("mozaiks-shell"), List.of(), "app id; rm",
                null, null, null, null))).hasMessageContaining("is not a plain value");
        assertThatThrownBy(() -> RealmPlanner.plan(core, new DeployRequest(List.of("mozaiks-shell"), List.of(), null,
                Map.of("admin", "SuperAdmin"), null, null, null))).hasMessageContaining("superadmin for every consumer");
        assertThatThrownBy(() -> RealmPlanner.plan(core, new DeployRequest(List.of("mozaiks-shell"), List.of(), null,
                Map.of("user", "admin"), null, null, null))).hasMessageContaining("superadmin for mozaiks-core");
        assertThatThrownBy(() -> RealmPlanner.plan(core, new DeployRequest(List.of("mozaiks-shell"), List.of(), null,
                Map.of("editor", "Admin"), null, null, null))).hasMessageContaining("is not a realm role");
        assertThatThrownBy(() -> RealmPlanner.plan(core, new DeployRequest(List.of("mozaiks-shell"), List.of(), null, null,
                List.of("robot"), null, null))).hasMessageContaining("must include internal_service or service");
        assertThatThrownBy(() -> RealmPlanner.plan(core, new DeployRequest(List.of("mozaiks-shell"), List.of(), null, null,
                null, List.of("ghost"), null))).hasMessageContaining("internal service client ghost does not exist");
        assertThatThrownBy(() -> RealmPlanner.plan(withAttribute(core, ContractNames.ROLE_ALIASES, "platform_admin=Admin"),
                request(List.of("mozaiks-shell"), List.of()))).hasMessageContaining("cannot be read");
    }

    @Test
    void caseVariantsOfReadNamesAreRemovedAndStockIdentityClaimsStay() {
        RealmSnapshot unified = Shapes.unified();
        RealmSnapshot.Client app = unified.client("mozaiks-app").orElseThrow();
        RealmSnapshot.Client tampered = new RealmSnapshot.Client(app.id(), app.clientId(), true, false, true, app.flows(), Map.of(),
                List.of(Shapes.mapper("m1", "Roles", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "Roles", "claim.value", "SuperAdmin")),
                        Shapes.mapper("m2", "mail", "oidc-usermodel-attribute-mapper", Map.of("claim.name", "email")),
                        Shapes.mapper("m3", "tenant", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "tid")),
                        Shapes.mapper("m4", "dotted", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "scp\\.x")),
                        Shapes.mapper("m5", "nested", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "is_superadmin.value"))),
                List.of("basic", "profile", "email", "acr"), List.of("roles"), Set.of(), false);
        RealmSnapshot realm = new RealmSnapshot("unified", Map.of(), unified.realmRoles(), List.of(tampered), unified.scopes());

        RealmPlan plan = RealmPlanner.plan(realm, Shapes.unifiedRequest());

        assertThat(plan.changes()).filteredOn(c -> c instanceof Change.DeleteClientMapper)
                .extracting(c -> ((Change.DeleteClientMapper) c).mapper().name()).containsExactly("Roles", "tenant", "nested");
        assertThat(lines(plan)).anySatisfy(l -> assertThat(l).contains("writes Roles (read as roles by mozaiks-platform)"))
                .anySatisfy(l -> assertThat(l).startsWith("client mozaiks-app: remove optional client scope roles"));
        assertThat(lines(RealmPlanner.plan(PlanSimulator.apply(realm, plan), Shapes.unifiedRequest()))).isEmpty();
    }

    @Test
    void aNamedClientWithoutTheBasicScopeIsNotedBecauseItsTokensWouldCarryNoSub() {
        RealmSnapshot unified = Shapes.unified();
        RealmSnapshot.Client app = unified.client("mozaiks-app").orElseThrow();
        RealmSnapshot.Client noBasic = new RealmSnapshot.Client(app.id(), app.clientId(), true, false, true, app.flows(), Map.of(),
                app.mappers(), List.of("profile", "email"), List.of(), Set.of(), false);
        RealmSnapshot realm = new RealmSnapshot("unified", Map.of(), unified.realmRoles(), List.of(noBasic), unified.scopes());

        assertThat(RealmPlanner.plan(realm, Shapes.unifiedRequest()).notices()).anySatisfy(n -> assertThat(n)
                .startsWith("client mozaiks-app lacks Keycloak's Default client scope basic"));
        assertThat(RealmPlanner.plan(unified, Shapes.unifiedRequest()).notices()).isEmpty();
    }

    @Test
    void aConformingRealmKeepsItsOwnSettingsAndPlansNothing() {
        RealmSnapshot applied = PlanSimulator.apply(Shapes.coreExample(), RealmPlanner.plan(Shapes.coreExample(), Shapes.coreRequest()));
        Map<String, String> attributes = new HashMap<>(applied.attributes());
        attributes.put(ContractNames.ROLE_ALIASES, "platform_admin:Admin,developer:Developer");
        attributes.put(ContractNames.INTERNAL_SERVICE_CLIENTS, "");
        RealmSnapshot customised = new RealmSnapshot(applied.realm(), attributes, withRole(applied.realmRoles(), "developer"),
                applied.clients(), applied.scopes());

        assertThat(lines(RealmPlanner.plan(customised, Shapes.coreRequest()))).as("an empty internal list means any; kept").isEmpty();
        RealmPlan explicit = RealmPlanner.plan(customised, new DeployRequest(List.of("mozaiks-shell"), List.of("mozaiks-core"), "core-app",
                Map.of("platform_admin", "Admin"), null, null, null));
        assertThat(lines(explicit)).singleElement().asString().contains("mozaiks.role.aliases=platform_admin:Admin (was"
                + " platform_admin:Admin,developer:Developer)");
    }

    @Test
    void extraContractMappersAndLegacyKeysAreCleanedUp() {
        RealmSnapshot applied = PlanSimulator.apply(Shapes.unified(), RealmPlanner.plan(Shapes.unified(), Shapes.unifiedRequest()));
        RealmSnapshot.Scope scope = applied.scope(ContractNames.CONTRACT_SCOPE).orElseThrow();
        Map<String, String> legacy = new HashMap<>(scope.mappers().get(0).config());
        legacy.put("mozaiks.role.aliases", "platform_admin:Admin");
        RealmSnapshot.Scope messy = new RealmSnapshot.Scope(scope.id(), scope.name(), scope.protocol(), Map.of(), List.of(
                new RealmSnapshot.Mapper("a-first", "mozaiks contract v1", "openid-connect", ContractNames.MAPPER_PROVIDER, legacy),
                new RealmSnapshot.Mapper("b-second", "copy", "openid-connect", ContractNames.MAPPER_PROVIDER, Map.of()),
                Shapes.mapper("c-scp", "scp", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "scp"))));
        RealmSnapshot.Scope other = new RealmSnapshot.Scope("s-x", "extra", "openid-connect", Map.of(), List.of(
                new RealmSnapshot.Mapper("d-stray", "stray", "openid-connect", ContractNames.MAPPER_PROVIDER, Map.of())));
        List<RealmSnapshot.Scope> scopes = new java.util.ArrayList<>(applied.scopes().stream().filter(s -> s != scope).toList());
        scopes.add(messy);
        scopes.add(other);
        RealmSnapshot realm = new RealmSnapshot(applied.realm(), applied.attributes(), applied.realmRoles(), applied.clients(), scopes);

        RealmPlan plan = RealmPlanner.plan(realm, Shapes.unifiedRequest());

        assertThat(lines(plan)).containsExactly(
                "client scope access_as_user: set the config of contract mapper \"mozaiks contract v1\" to {mozaiks.app.id.client.attribute="
                        + "mozaiks.app_id, mozaiks.audience=mozaiks-api, mozaiks.required.scope=access_as_user} (was"
                        + " {mozaiks.app.id.client.attribute=mozaiks.app_id, mozaiks.audience=mozaiks-api, mozaiks.required.scope="
                        + "access_as_user, mozaiks.role.aliases=platform_admin:Admin})",
                "client scope access_as_user: delete mapper \"copy\" (mozaiks-contract-v1-mapper, a second contract mapper; only the first counts)",
                "client scope access_as_user: delete mapper \"scp\" (oidc-hardcoded-claim-mapper, writes scp, which only the contract decides)",
                "client scope extra: delete mapper \"stray\" (mozaiks-contract-v1-mapper, a contract mapper outside client scope access_as_user does nothing)");
        assertThat(lines(RealmPlanner.plan(PlanSimulator.apply(realm, plan), Shapes.unifiedRequest()))).isEmpty();
    }

    private static DeployRequest request(List<String> clients, List<String> serviceAccounts) {
        return new DeployRequest(clients, serviceAccounts, null, null, null, null, null);
    }

    private static Set<String> withRole(Set<String> roles, String role) {
        java.util.Set<String> all = new java.util.HashSet<>(roles);
        all.add(role);
        return all;
    }

    static RealmSnapshot withAttribute(RealmSnapshot realm, String name, String value) {
        Map<String, String> attributes = new HashMap<>(realm.attributes());
        attributes.put(name, value);
        return new RealmSnapshot(realm.realm(), attributes, realm.realmRoles(), realm.clients(), realm.scopes());
    }
}
