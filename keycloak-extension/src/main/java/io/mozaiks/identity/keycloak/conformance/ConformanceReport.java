package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin-only conformance report: the pure checks run over {@link ReportFacts} (which {@link RealmFacts}
 * reads from Keycloak), assembled as JSON. Nothing here touches a Keycloak model, so the report is unit-tested
 * from hand-made facts.
 */
public final class ConformanceReport {

    private final ReportFacts facts;

    public ConformanceReport(ReportFacts facts) {
        this.facts = facts;
    }

    public Map<String, Object> build(boolean issuerFollowsRequest) {
        ReportFacts f = facts;
        List<Check> realmChecks = new ArrayList<>();
        realmChecks.add(Checks.contractScope(f.scopeName(), f.settings()));
        f.audienceClients().forEach(a -> realmChecks.add(Checks.audienceClient(a)));
        realmChecks.add(Checks.signingKey(f.signingAlgorithm(), f.signingKeyType()));
        realmChecks.add(Checks.introspection(f.serverWideIntrospection(), f.clientsWithoutIntrospectionAudience()));
        realmChecks.add(PrivilegeChecks.privilegeSettings(f.privileges().problems()));
        realmChecks.add(PrivilegeChecks.roleAlias(f.privileges().settings()));
        realmChecks.add(PrivilegeChecks.singleContractMapper(f.strayContractMappers()));
        realmChecks.add(PrivilegeChecks.serviceRoleHolders(f.humanServiceRoleHolders()));
        realmChecks.add(ClientClaimChecks.tokenAudience(f.clientsWithoutOwnAudience()));
        realmChecks.add(ClientClaimChecks.apiAudienceOutsideContract(f.apiAudienceOutsideContract()));
        realmChecks.add(ClientClaimChecks.clientIdCollisions(f.clients().platformUnsafe()));
        realmChecks.add(Checks.hostname(issuerFollowsRequest));
        realmChecks.add(EmailNameChecks.validator(f.emailNameValidator()));
        realmChecks.add(EmailNameChecks.collisions(f.emailNameScan()));
        realmChecks.add(TokenSizeChecks.budget(f.tokenSize()));

        ClientEntries clients = new ClientEntries();
        boolean pass = realmChecks.stream().allMatch(Check::pass);
        for (ReportFacts.ContractClient contractClient : f.contractClients()) {
            List<Check> checks = clientChecks(contractClient);
            pass &= checks.stream().allMatch(Check::pass);
            clients.add(contractClient.client().clientId(), checks);
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("contract_version", Contract.VERSION);
        report.put("realm", f.realm());
        report.put("contract_scope", f.scopeName());
        report.put("status", pass ? "pass" : "fail");
        report.put("realm_checks", realmChecks.stream().map(Check::toJson).toList());
        report.put("privilege_settings", privilegeSettingsJson());
        report.put("internal_service_clients", f.clients().internalServiceClientIds());
        report.put("core_env_rule", "Every mozaiks-core env must set MOZAIKS_OIDC_DISCOVERY_URL: without it core's token"
                + " client builds a discovery URL for a hosted tenant and would send its client credentials there.");
        report.put("token_size", tokenSizeJson());
        report.put("clients", clients.toJson());
        if (clients.compact()) {
            report.put("clients_note", "more than " + ClientEntries.DETAIL_LIMIT + " contract clients: those whose checks"
                    + " all pass are listed by id only; failures and warnings are listed in full");
        }
        return report;
    }

    private List<Check> clientChecks(ReportFacts.ContractClient contractClient) {
        ClientFacts client = contractClient.client();
        String id = client.clientId();
        boolean mayBeInternal = facts.privileges().settings().mayBeInternal(id);
        String why = client.serviceOnlyRoleHolder() ? "its service account holds a service-only role"
                : "it is assigned " + facts.scopeName();
        return List.of(
                Checks.defaultScope(id, facts.scopeName(), client.scopeAssignment(), why),
                Checks.noLaterMapper(id, ContractMapper.PRIORITY, contractClient.appliedMappers()),
                Checks.clientSigning(id, client.accessTokenAlgorithm()),
                ClientClaimChecks.foreignClaimMappers(id, contractClient.claimWriters()),
                ClientClaimChecks.thirdParty(id, client.consentRequired(), facts.scopeOnConsent(), client.fullScopeAllowed()),
                PrivilegeChecks.serviceAccountInternal(id, client.serviceAccount(), client.serviceOnlyRoleHolder(), mayBeInternal),
                PrivilegeChecks.internalServiceCredentials(id,
                        client.serviceAccount() && client.serviceOnlyRoleHolder() && mayBeInternal, client.authenticator()),
                TokenSizeChecks.tokenSize(id, facts.tokenSize()),
                ProofOfPossessionChecks.dpopBound(id, contractClient.dpopBound(), facts.dpopPolicies()));
    }

    private Map<String, Object> tokenSizeJson() {
        TokenSizeFacts size = facts.tokenSize();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("warn_bytes", size.budget().warnBytes());
        json.put("fail_bytes", size.budget().failBytes());
        json.put("users_scanned", size.usersScanned());
        json.put("groups_scanned", size.groupsScanned());
        json.put("scan_capped", size.capped());
        json.put("largest", size.clients().stream()
                .sorted(java.util.Comparator.comparingInt(TokenSizeFacts.LargestToken::bytes).reversed())
                .limit(RealmFacts.MAX_NAMES).map(c -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("client_id", c.clientId());
            entry.put("bytes", c.bytes());
            entry.put("roles", c.roles());
            entry.put("source", c.source());
            return entry;
        }).toList());
        json.put("estimate", "an upper estimate of the compact JWS (base64url of header, payload and signature) from the"
                + " largest role sets users and groups reach; limits on the way: docs/operations.md");
        return json;
    }

    private Map<String, Object> privilegeSettingsJson() {
        PrivilegeSettings privileges = facts.privileges().settings();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", facts.privileges().valid());
        json.put("role_aliases", privileges.roleAliases());
        json.put("service_only_roles", privileges.serviceOnlyRoles());
        json.put("internal_service_clients", privileges.internalServiceClients());
        json.put("core_admin_alias", privileges.coreAdminAlias());
        json.put("audit", facts.audit().toJson());
        json.put("changed_by", "realm admins only (realm-management manage-realm), through PUT <issuer>/mozaiks/contract/settings;"
                + " stored as realm attributes " + String.join(", ", PrivilegeSettings.ATTRIBUTES));
        return json;
    }
}
