package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.ContractV1;
import io.mozaiks.identity.keycloak.contract.PlatformClientIds;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import org.keycloak.Config;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads the facts for {@link Checks} from Keycloak's public models and assembles the admin-only report.
 * It may walk all clients (the caller is an authenticated admin); it never signs or returns tokens and
 * reads no user data beyond service-account role membership.
 */
public final class ConformanceReport {

    private static final String TRUE = "true";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String scopeName;
    private final ContractSettings settings;
    private final String contractMapperId;
    private final PrivilegeSettings privileges;
    private final List<Problem> privilegeProblems;
    /** Service-account role lookups hit the user store: once per client per report. */
    private final Map<String, Boolean> serviceOnlyHolders = new HashMap<>();
    private Map<String, String> platformUnsafe;

    public ConformanceReport(KeycloakSession session, RealmModel realm, String scopeName,
                             ContractSettings settings, String contractMapperId, Map<String, String> contractMapperConfig) {
        this.session = session;
        this.realm = realm;
        this.scopeName = scopeName;
        this.settings = settings;
        this.contractMapperId = contractMapperId;
        this.privileges = PrivilegeSettingsParser.parse(realm.getAttributes(), contractMapperConfig);
        List<Problem> problems = new ArrayList<>(privileges.problems());
        problems.addAll(PrivilegeSettingsParser.missingReferences(privileges, name -> realm.getRole(name) != null,
                id -> realm.getClientByClientId(id) != null));
        this.privilegeProblems = List.copyOf(problems);
    }

    public Map<String, Object> build(boolean issuerFollowsRequest) {
        List<Check> realmChecks = new ArrayList<>();
        realmChecks.add(Checks.contractScope(scopeName, settings));
        if (settings.audiences() != null) {
            settings.audiences().forEach(a -> realmChecks.add(Checks.audienceClient(audienceFacts(a))));
        }
        realmChecks.add(signingKey());
        realmChecks.add(Checks.introspection(serverWideIntrospectionWithoutAudience(), clientsWithoutIntrospectionAudience()));
        realmChecks.add(PrivilegeChecks.privilegeSettings(privilegeProblems));
        realmChecks.add(PrivilegeChecks.roleAlias(privileges));
        realmChecks.add(PrivilegeChecks.singleContractMapper(RealmFacts.strayContractMappers(realm)));
        realmChecks.add(PrivilegeChecks.serviceRoleHolders(RealmFacts.humanServiceRoleHolders(session, realm, serviceOnlyRoleNames())));
        realmChecks.add(ClientClaimChecks.tokenAudience(RealmFacts.clientsWithoutOwnAudience(realm, scopeName)));
        realmChecks.add(ClientClaimChecks.apiAudienceOutsideContract(
                RealmFacts.apiAudienceOutsideContract(realm, scopeName, settings.audiences())));
        realmChecks.add(ClientClaimChecks.clientIdCollisions(platformUnsafeClientIds()));
        realmChecks.add(Checks.hostname(issuerFollowsRequest));
        realmChecks.addAll(EmailNameChecks.of(session, realm));

        ClientEntries clients = new ClientEntries();
        boolean pass = realmChecks.stream().allMatch(Check::pass);
        boolean scopeOnConsent = !"false".equals(RealmFacts.contractScope(realm, scopeName)
                .map(scope -> scope.getAttribute(ClientScopeModel.DISPLAY_ON_CONSENT_SCREEN)).orElse(null));
        for (ClientModel client : contractClients(scopeName)) {
            List<Check> checks = List.of(
                    Checks.defaultScope(client.getClientId(), scopeName, assignment(client, scopeName), reasonToCarry(client, scopeName)),
                    Checks.noLaterMapper(client.getClientId(), ContractMapper.PRIORITY, appliedMappers(client)),
                    Checks.clientSigning(client.getClientId(), client.getAttribute("access.token.signed.response.alg")),
                    ClientClaimChecks.foreignClaimMappers(client.getClientId(), MapperClaims.writers(client, settings.audiences())),
                    ClientClaimChecks.thirdParty(client.getClientId(), client.isConsentRequired(), scopeOnConsent,
                            client.isFullScopeAllowed()),
                    PrivilegeChecks.serviceAccountInternal(client.getClientId(), client.isServiceAccountsEnabled(),
                            serviceOnlyRoleHolder(client), privileges.mayBeInternal(client.getClientId())),
                    PrivilegeChecks.internalServiceCredentials(client.getClientId(), client.isServiceAccountsEnabled()
                                    && serviceOnlyRoleHolder(client) && privileges.mayBeInternal(client.getClientId()),
                            client.getClientAuthenticatorType()));
            pass &= checks.stream().allMatch(Check::pass);
            clients.add(client.getClientId(), checks);
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("contract_version", ContractV1.VERSION);
        report.put("realm", realm.getName());
        report.put("contract_scope", scopeName);
        report.put("status", pass ? "pass" : "fail");
        report.put("realm_checks", realmChecks.stream().map(Check::toJson).toList());
        report.put("privilege_settings", privilegeSettingsJson());
        report.put("internal_service_clients", internalServiceClientIds());
        report.put("core_env_rule", "Every mozaiks-core env must set MOZAIKS_OIDC_DISCOVERY_URL: without it core's token"
                + " client builds a discovery URL for a hosted tenant and would send its client credentials there.");
        report.put("clients", clients.toJson());
        if (clients.compact()) {
            report.put("clients_note", "more than " + ClientEntries.DETAIL_LIMIT + " contract clients: those whose checks"
                    + " all pass are listed by id only; failures and warnings are listed in full");
        }
        return report;
    }

    private Map<String, Object> privilegeSettingsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", privilegeProblems.isEmpty());
        json.put("role_aliases", privileges.roleAliases());
        json.put("service_only_roles", privileges.serviceOnlyRoles());
        json.put("internal_service_clients", privileges.internalServiceClients());
        json.put("core_admin_alias", privileges.coreAdminAlias());
        json.put("changed_by", "realm admins only (realm-management manage-realm), through PUT <issuer>/mozaiks/contract/settings;"
                + " stored as realm attributes " + String.join(", ", PrivilegeSettings.ATTRIBUTES));
        return json;
    }

    /** Clients whose client-credentials tokens get the API audience. */
    public List<String> internalServiceClientIds() {
        if (!privilegeProblems.isEmpty()) {
            return List.of();
        }
        return realm.getClientsStream().filter(ClientModel::isEnabled)
                .filter(c -> privileges.mayBeInternal(c.getClientId()) && serviceOnlyRoleHolder(c))
                .map(ClientModel::getClientId).sorted().toList();
    }

    private List<String> serviceOnlyRoleNames() {
        List<String> names = new ArrayList<>(List.of("internal_service", "service"));
        if (privileges.serviceOnlyRoles() != null) {
            privileges.serviceOnlyRoles().stream().filter(r -> !names.contains(r)).forEach(names::add);
        }
        return names;
    }

    /** Enabled clients that issue contract tokens: the contract scope is one of their Default scopes. */
    public List<String> contractClientIds(String scopeName) {
        return realm.getClientsStream().filter(ClientModel::isEnabled)
                .filter(c -> "default".equals(assignment(c, scopeName)))
                .map(ClientModel::getClientId).sorted().toList();
    }

    /**
     * The platform's {@code AUTH_ALLOWED_CLIENT_IDS}: contract clients through which people sign in, plus the
     * internal service clients. A contract client that only has a (non-internal) service account is left out.
     */
    public List<String> allowedClientIds(String scopeName) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(internalServiceClientIds());
        realm.getClientsStream().filter(ClientModel::isEnabled)
                .filter(c -> "default".equals(assignment(c, scopeName)) && RealmFacts.issuesUserTokens(c))
                .forEach(c -> ids.add(c.getClientId()));
        return List.copyOf(ids);
    }

    /** Client ids mozaiks-platform cannot tell apart (case, commas), each with the reason; over all clients of the realm. */
    public Map<String, String> platformUnsafeClientIds() {
        if (platformUnsafe == null) {
            platformUnsafe = PlatformClientIds.unsafe(realm.getClientsStream().map(ClientModel::getClientId).toList());
        }
        return platformUnsafe;
    }

    /**
     * Clients the contract concerns: those that carry the contract scope (Default or Optional), and those
     * whose service account holds a service-only role (they are contract service clients by role).
     */
    private List<ClientModel> contractClients(String scopeName) {
        return realm.getClientsStream()
                .filter(c -> assignment(c, scopeName) != null || serviceOnlyRoleHolder(c))
                .sorted(Comparator.comparing(ClientModel::getClientId)).toList();
    }

    private static String assignment(ClientModel client, String scopeName) {
        if (client.getClientScopes(true).containsKey(scopeName)) {
            return "default";
        }
        return client.getClientScopes(false).containsKey(scopeName) ? "optional" : null;
    }

    private String reasonToCarry(ClientModel client, String scopeName) {
        return serviceOnlyRoleHolder(client) ? "its service account holds a service-only role"
                : "it is assigned " + scopeName;
    }

    private boolean serviceOnlyRoleHolder(ClientModel client) {
        if (!client.isServiceAccountsEnabled() || privileges.serviceOnlyRoles() == null) {
            return false;
        }
        return serviceOnlyHolders.computeIfAbsent(client.getId(), id -> {
            UserModel account = session.users().getServiceAccount(client);
            // The same rule as the token side: any realm role that counts as service-only, composites and groups included.
            return account != null && realm.getRolesStream().filter(role -> privileges.isServiceOnly(role.getName()))
                    .anyMatch(account::hasRole);
        });
    }

    private Checks.AudienceClient audienceFacts(String clientId) {
        ClientModel c = realm.getClientByClientId(clientId);
        if (c == null) {
            return new Checks.AudienceClient(clientId, false, false, false, false, false, false, false, false);
        }
        return new Checks.AudienceClient(clientId, true, c.isStandardFlowEnabled(), c.isImplicitFlowEnabled(),
                c.isDirectAccessGrantsEnabled(), c.isServiceAccountsEnabled(),
                TRUE.equals(c.getAttribute("oauth2.device.authorization.grant.enabled")),
                TRUE.equals(c.getAttribute("oidc.ciba.grant.enabled")),
                TRUE.equals(c.getAttribute("standard.token.exchange.enabled")));
    }

    private Check signingKey() {
        String algorithm = realm.getDefaultSignatureAlgorithm();
        String alg = algorithm == null || algorithm.isBlank() ? "RS256" : algorithm;
        String keyType;
        try {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, alg);
            keyType = key == null ? null : key.getType();
        } catch (RuntimeException noKey) {
            keyType = null;
        }
        return Checks.signingKey(alg, keyType);
    }

    private static boolean serverWideIntrospectionWithoutAudience() {
        Config.Scope scope = Config.scope("login-protocol", OIDCLoginProtocol.LOGIN_PROTOCOL);
        Boolean value = scope == null ? null : scope.getBoolean("allow-token-introspection-without-audience-check", false);
        return Boolean.TRUE.equals(value);
    }

    private List<String> clientsWithoutIntrospectionAudience() {
        return realm.getClientsStream()
                .filter(c -> TRUE.equalsIgnoreCase(c.getAttribute(Checks.INTROSPECTION_CLIENT_ATTRIBUTE)))
                .map(ClientModel::getClientId).sorted().toList();
    }

    /** The client's own OIDC mappers and those of its Default and Optional scopes, without the contract mapper. */
    private List<Checks.AppliedMapper> appliedMappers(ClientModel client) {
        List<Checks.AppliedMapper> mappers = new ArrayList<>();
        client.getProtocolMappersStream().forEach(m -> add(mappers, m, "client " + client.getClientId()));
        Stream.concat(client.getClientScopes(true).values().stream(), client.getClientScopes(false).values().stream())
                .forEach((ClientScopeModel scope) -> scope.getProtocolMappersStream()
                        .forEach(m -> add(mappers, m, "client scope " + scope.getName())));
        return mappers;
    }

    private void add(List<Checks.AppliedMapper> mappers, ProtocolMapperModel mapper, String source) {
        if (Objects.equals(mapper.getId(), contractMapperId)
                || !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(mapper.getProtocol())) {
            return;
        }
        ProviderFactory<?> factory = session.getKeycloakSessionFactory()
                .getProviderFactory(ProtocolMapper.class, mapper.getProtocolMapper());
        int priority = factory instanceof ProtocolMapper pm ? pm.getPriority() : 0;
        mappers.add(new Checks.AppliedMapper(mapper.getName(), mapper.getProtocolMapper(), priority, source));
    }
}
