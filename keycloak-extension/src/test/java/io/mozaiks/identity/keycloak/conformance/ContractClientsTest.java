package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContractClientsTest {

    private static final PrivilegeFacts DEFAULTS = new PrivilegeFacts(PrivilegeSettingsParser.parse(Map.of(), Map.of()), List.of());

    /** A user-facing client (standard flow) with the given contract-scope assignment. */
    static ClientFacts app(String id, String assignment) {
        return new ClientFacts(id, true, assignment, true, false, false, false, false, null, "client-secret");
    }

    /** A client whose service account holds a service-only role; no user flow. */
    static ClientFacts service(String id, String assignment) {
        return new ClientFacts(id, true, assignment, false, true, true, false, false, null, "client-jwt");
    }

    static ClientFacts disabled(ClientFacts c) {
        return new ClientFacts(c.clientId(), false, c.scopeAssignment(), c.issuesUserTokens(), c.serviceAccount(),
                c.serviceOnlyRoleHolder(), c.consentRequired(), c.fullScopeAllowed(), c.accessTokenAlgorithm(), c.authenticator());
    }

    @Test
    void contractClientsAreThoseWithTheScopeOrAServiceOnlyRoleSortedById() {
        ContractClients clients = new ContractClients(List.of(app("web", "default"), app("other", null),
                service("billing", null), app("admin-ui", "optional")), DEFAULTS);

        assertThat(clients.contractClients()).extracting(ClientFacts::clientId).containsExactly("admin-ui", "billing", "web");
    }

    @Test
    void allowedClientIdsAreEnabledUserFacingDefaultClientsPlusInternalServices() {
        ClientFacts saOnly = new ClientFacts("sa-only", true, "default", false, true, false, false, false, null, "client-secret");
        ContractClients clients = new ContractClients(List.of(app("web", "default"), app("opt", "optional"),
                disabled(app("gone", "default")), service("svc", null), saOnly), DEFAULTS);

        assertThat(clients.internalServiceClientIds()).containsExactly("svc");
        assertThat(clients.allowedClientIds()).containsExactly("svc", "web");
    }

    @Test
    void noInternalServiceClientWhileThePrivilegeSettingsAreInvalid() {
        PrivilegeSettings parsed = PrivilegeSettingsParser.parse(Map.of(), Map.of());
        PrivilegeFacts broken = new PrivilegeFacts(parsed, List.of(new Problem("x", "broken")));
        ContractClients clients = new ContractClients(List.of(service("svc", null), app("web", "default")), broken);

        assertThat(clients.internalServiceClientIds()).isEmpty();
        assertThat(clients.allowedClientIds()).containsExactly("web");
    }

    @Test
    void anInternalServiceListRestrictsWhoIsInternal() {
        PrivilegeFacts listed = new PrivilegeFacts(PrivilegeSettingsParser.parse(
                Map.of(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "svc-a"), Map.of()), List.of());
        ContractClients clients = new ContractClients(List.of(service("svc-a", null), service("svc-b", null)), listed);

        assertThat(clients.internalServiceClientIds()).containsExactly("svc-a");
    }

    @Test
    void theAllowListLeavesOutIdsThePlatformCannotTellApartAndNamesThem() {
        ContractClients clients = new ContractClients(List.of(app("web", "default"), app("Web", null),
                app("a,b", "default"), app("ok", "default")), DEFAULTS);

        ContractClients.PlatformAllowList list = clients.platformAllowList();

        assertThat(clients.platformUnsafe()).containsOnlyKeys("Web", "a,b", "web");
        assertThat(list.clientIds()).containsExactly("ok");
        assertThat(list.warnings()).singleElement().asString()
                .startsWith("2 client id(s)").contains("a,b, web").contains(ClientClaimChecks.CLIENT_ID_COLLISION);
    }

    @Test
    void theAllowListLeavesOutIdsADotenvLoaderInterpretsWithoutEchoingThem() {
        ContractClients clients = new ContractClients(List.of(app("ok", "default"), app("bad$(id)", "default")), DEFAULTS);

        ContractClients.PlatformAllowList list = clients.platformAllowList();

        assertThat(list.clientIds()).containsExactly("ok");
        assertThat(list.warnings()).singleElement().asString().startsWith("1 client id(s) with characters")
                .doesNotContain("bad$(id)");
    }

    @Test
    void aCleanRealmHasNoWarnings() {
        ContractClients.PlatformAllowList list = new ContractClients(List.of(app("web", "default")), DEFAULTS).platformAllowList();

        assertThat(list.clientIds()).containsExactly("web");
        assertThat(list.warnings()).isEmpty();
    }
}
