package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The report assembled from hand-made facts: which checks run, in which order, and how they add up. */
@SuppressWarnings("unchecked")
class ConformanceReportTest {

    private static final ContractSettings SETTINGS = ContractSettingsParser.parse(Map.of());
    private static final PrivilegeFacts PRIVILEGES = new PrivilegeFacts(PrivilegeSettingsParser.parse(Map.of(), Map.of()), List.of());

    private static ReportFacts facts(List<ClientFacts> realmClients, List<Checks.AppliedMapper> mappers) {
        return facts(realmClients, mappers, List.of(), List.of());
    }

    /** @param dpopClients contract clients whose attribute dpop.bound.access.tokens is true */
    private static ReportFacts facts(List<ClientFacts> realmClients, List<Checks.AppliedMapper> mappers,
                                     List<String> dpopClients, List<ProofOfPossessionChecks.DpopPolicy> dpopPolicies) {
        ContractClients clients = new ContractClients(realmClients, PRIVILEGES);
        List<Checks.AudienceClient> audiences = SETTINGS.audiences().stream()
                .map(a -> new Checks.AudienceClient(a, true, false, false, false, false, false, false, false)).toList();
        return new ReportFacts("mozaiks", Contract.CONTRACT_SCOPE, SETTINGS, PRIVILEGES, audiences, "RS256", "RSA",
                false, List.of(), List.of(), List.of(), List.of(), List.of(), true, clients,
                clients.contractClients().stream().map(c -> new ReportFacts.ContractClient(c, mappers, List.of(),
                        dpopClients.contains(c.clientId()))).toList(),
                true, new io.mozaiks.identity.keycloak.email.RealmCollisionScan.Result(java.util.Map.of(), 0, false),
                new TokenSizeFacts(io.mozaiks.identity.keycloak.tokensize.TokenBudget.of(Map.of()), List.of(), 0, 0, false),
                AuditFacts.NONE, dpopPolicies);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> report, String key) {
        return ((List<Map<String, Object>>) report.get(key)).stream().map(c -> (String) c.get("id")).toList();
    }

    @Test
    void aConformingRealmPassesEveryRealmCheckInItsOrder() {
        Map<String, Object> report = new ConformanceReport(facts(List.of(ContractClientsTest.app("web", "default"),
                ContractClientsTest.service("svc", "default")), List.of())).build(false);

        assertThat(report.get("status")).isEqualTo("pass");
        assertThat(report.get("contract_version")).isEqualTo(Contract.VERSION);
        assertThat(report.get("contract_scope")).isEqualTo(Contract.CONTRACT_SCOPE);
        List<String> expected = new java.util.ArrayList<>(List.of(Checks.CONTRACT_SCOPE));
        SETTINGS.audiences().forEach(a -> expected.add(Checks.AUDIENCE_CLIENT));
        expected.addAll(List.of(Checks.SIGNING_KEY, Checks.INTROSPECTION_AUDIENCE, PrivilegeChecks.PRIVILEGE_SETTINGS,
                PrivilegeChecks.ROLE_ALIAS, PrivilegeChecks.SINGLE_CONTRACT_MAPPER, PrivilegeChecks.SERVICE_ROLE_HOLDERS,
                ClientClaimChecks.TOKEN_AUDIENCE, ClientClaimChecks.API_AUDIENCE_OUTSIDE_CONTRACT,
                ClientClaimChecks.CLIENT_ID_COLLISION, Checks.HOSTNAME, EmailNameChecks.VALIDATOR, EmailNameChecks.COLLISIONS,
                TokenSizeChecks.BUDGET));
        assertThat(ids(report, "realm_checks")).containsExactlyElementsOf(expected);
        assertThat(report.get("internal_service_clients")).isEqualTo(List.of("svc"));
        assertThat((List<Map<String, Object>>) report.get("clients")).extracting(c -> c.get("client_id"))
                .containsExactly("svc", "web");
        assertThat(report).doesNotContainKey("clients_note");
        assertThat((Map<String, Object>) report.get("privilege_settings")).containsEntry("valid", true);
    }

    @Test
    void aRequestControlledIssuerFailsTheReport() {
        Map<String, Object> report = new ConformanceReport(facts(List.of(ContractClientsTest.app("web", "default")),
                List.of())).build(true);

        assertThat(report.get("status")).isEqualTo("fail");
    }

    @Test
    void oneFailingClientCheckFailsTheReport() {
        Map<String, Object> optional = new ConformanceReport(facts(List.of(ContractClientsTest.app("web", "optional")),
                List.of())).build(false);
        Map<String, Object> lateMapper = new ConformanceReport(facts(List.of(ContractClientsTest.app("web", "default")),
                List.of(new Checks.AppliedMapper("late", "x", Integer.MAX_VALUE, "client web")))).build(false);

        assertThat(optional.get("status")).isEqualTo("fail");
        assertThat(lateMapper.get("status")).isEqualTo("fail");
    }

    @Test
    void collidingClientIdsFailTheRealmCheck() {
        Map<String, Object> report = new ConformanceReport(facts(List.of(ContractClientsTest.app("web", "default"),
                ContractClientsTest.app("WEB", null)), List.of())).build(false);

        assertThat(report.get("status")).isEqualTo("fail");
    }

    @Test
    void pastTheDetailLimitPassingClientsAreListedByIdOnly() {
        List<ClientFacts> many = IntStream.rangeClosed(0, ClientEntries.DETAIL_LIMIT)
                .mapToObj(i -> ContractClientsTest.app(String.format("app-%03d", i), "default")).toList();

        Map<String, Object> report = new ConformanceReport(facts(many, List.of())).build(false);

        assertThat(report).containsKey("clients_note");
        assertThat((List<Map<String, Object>>) report.get("clients")).first().isEqualTo(Map.of("client_id", "app-000", "status", "pass"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clientCheck(Map<String, Object> report, String clientId, String id) {
        return ((List<Map<String, Object>>) report.get("clients")).stream().filter(c -> clientId.equals(c.get("client_id")))
                .flatMap(c -> ((List<Map<String, Object>>) c.get("checks")).stream()).filter(c -> id.equals(c.get("id")))
                .findFirst().orElseThrow(() -> new AssertionError(id + " for " + clientId + " in " + report));
    }

    @Test
    void aDpopBoundContractClientFailsTheReportAndOnlyThatClient() {
        Map<String, Object> report = new ConformanceReport(facts(List.of(ContractClientsTest.app("web", "default"),
                ContractClientsTest.app("dpop-app", "default")), List.of(), List.of("dpop-app"), List.of())).build(false);

        assertThat(report.get("status")).isEqualTo("fail");
        Map<String, Object> bound = clientCheck(report, "dpop-app", ProofOfPossessionChecks.DPOP_BOUND);
        assertThat(bound.get("status")).isEqualTo("fail");
        assertThat((String) bound.get("reason")).contains("dpop.bound.access.tokens=true", "Authorization: Bearer", "cnf.jkt");
        assertThat((String) bound.get("fix")).contains("Clients > dpop-app > Advanced");
        assertThat(clientCheck(report, "web", ProofOfPossessionChecks.DPOP_BOUND).get("status")).isEqualTo("pass");
    }

    @Test
    void anEnabledDpopPolicyFailsEveryContractClientNamingPolicyProfileAndConditions() {
        ProofOfPossessionChecks.DpopPolicy policy = new ProofOfPossessionChecks.DpopPolicy("bind-everything",
                "fapi-2-dpop-security-profile", List.of("client-scopes", "client-roles"));
        Map<String, Object> report = new ConformanceReport(facts(List.of(ContractClientsTest.app("web", "default"),
                ContractClientsTest.service("svc", "default")), List.of(), List.of(), List.of(policy))).build(false);

        assertThat(report.get("status")).isEqualTo("fail");
        for (String client : List.of("web", "svc")) {
            Map<String, Object> check = clientCheck(report, client, ProofOfPossessionChecks.DPOP_BOUND);
            assertThat(check.get("status")).as(client).isEqualTo("fail");
            assertThat((String) check.get("reason")).contains("\"bind-everything\"", "\"fapi-2-dpop-security-profile\"",
                    "dpop-bind-enforcer", "client-scopes, client-roles");
            assertThat((String) check.get("fix")).contains("Client policies", "conditions are not evaluated");
        }
    }

    @Test
    void withoutDpopTheCheckPasses() {
        assertThat(ProofOfPossessionChecks.dpopBound("web", false, List.of()).status()).isEqualTo(Check.Status.PASS);
        assertThat(ProofOfPossessionChecks.dpopBound("web", false, List.of(
                new ProofOfPossessionChecks.DpopPolicy("p", "q", List.of()))).reason()).contains("no condition");
    }
}
