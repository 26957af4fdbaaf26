package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.email.RealmCollisionScan;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.keycloak.mapper.ContractScopeMembership;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.tokensize.TokenBudget;
import io.mozaiks.identity.keycloak.tokensize.TokenSizeEstimator;
import org.keycloak.Config;
import org.keycloak.crypto.KeyUse;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEventQuery;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ONE reader of Keycloak's models for the conformance report and the admin env documents: it turns the realm
 * into {@link ReportFacts}, {@link ContractClients} and {@link PrivilegeFacts}, over which every check is pure.
 * One client at a time is {@link ClientReader}'s. It may walk all clients (the caller is an authenticated admin);
 * it never signs or returns tokens and reads no user data beyond role membership. Every list is bounded.
 */
public final class RealmFacts {

    /** Enough names for an admin to act on; the report says when there are more. */
    static final int MAX_NAMES = 50;
    private static final String TRUE = "true";

    private RealmFacts() {
    }

    /** The effective privilege settings (realm attributes; contract 1.0's mapper keys) and their problems. */
    public static PrivilegeFacts privileges(RealmModel realm, Map<String, String> contractMapperConfig) {
        PrivilegeSettings settings = PrivilegeSettingsParser.parse(realm.getAttributes(), contractMapperConfig);
        List<Problem> problems = new ArrayList<>(settings.problems());
        problems.addAll(missingReferences(realm, settings));
        return new PrivilegeFacts(settings, problems);
    }

    /** Alias sources and listed clients that the realm does not have. */
    public static List<Problem> missingReferences(RealmModel realm, PrivilegeSettings settings) {
        return PrivilegeSettingsParser.missingReferences(settings, name -> realm.getRole(name) != null,
                id -> realm.getClientByClientId(id) != null);
    }

    /** Every client of the realm, sorted the contract's way. */
    public static ContractClients clients(KeycloakSession session, RealmModel realm, String scopeName,
                                          PrivilegeFacts privileges) {
        return new ContractClients(realm.getClientsStream()
                .map(client -> ClientReader.facts(session, realm, client, scopeName, privileges.settings())).toList(),
                privileges);
    }

    /** What the conformance report judges, for the realm's counting contract mapper. */
    public static ReportFacts report(KeycloakSession session, RealmModel realm, String scopeName, ContractSettings settings,
                                     String contractMapperId, Map<String, String> contractMapperConfig) {
        PrivilegeFacts privileges = privileges(realm, contractMapperConfig);
        ContractClients clients = clients(session, realm, scopeName, privileges);
        String algorithm = realm.getDefaultSignatureAlgorithm();
        String alg = algorithm == null || algorithm.isBlank() ? "RS256" : algorithm;
        boolean scopeOnConsent = !"false".equals(contractScope(realm, scopeName)
                .map(scope -> scope.getAttribute(ClientScopeModel.DISPLAY_ON_CONSENT_SCREEN)).orElse(null));
        List<String> audiences = settings.audiences() == null ? List.of() : settings.audiences();
        return new ReportFacts(realm.getName(), scopeName, settings, privileges,
                audiences.stream().map(a -> ClientReader.audienceClient(realm, a)).toList(),
                alg, signingKeyType(session, realm, alg),
                serverWideIntrospectionWithoutAudience(), clientsWithoutIntrospectionAudience(realm),
                strayContractMappers(realm),
                humanServiceRoleHolders(session, realm, privileges.serviceOnlyRoleNames()),
                clientsWithoutOwnAudience(realm, scopeName),
                apiAudienceOutsideContract(realm, scopeName, settings.audiences()),
                scopeOnConsent, clients,
                clients.contractClients().stream()
                        .map(c -> ClientReader.contractClient(session, realm, c, contractMapperId, settings.audiences()))
                        .toList(),
                RealmCollisionScan.validatorAttached(session),
                RealmCollisionScan.scan(session, realm, RealmCollisionScan.MAX_USERS),
                tokenSize(session, realm, settings, privileges.settings(), clients.contractClients(),
                        TokenSizeEstimator.signatureBytes(alg, rsaKeyBits(session, realm, alg))),
                audit(session, realm),
                dpopPolicies(session, realm));
    }

    /** Two queries of at most one event each (the store indexes admin events by realm and time). */
    static AuditFacts audit(KeycloakSession session, RealmModel realm) {
        EventStoreProvider store = realm.isAdminEventsEnabled() ? session.getProvider(EventStoreProvider.class) : null;
        if (store == null) {
            return AuditFacts.NONE;
        }
        return new AuditFacts(true,
                last(store.createAdminQuery().realm(realm.getId()).operation(OperationType.UPDATE)
                        .resourcePath(SETTINGS_EVENT_PATH)),
                last(store.createAdminQuery().realm(realm.getId()).operation(OperationType.UPDATE)
                        .resourceType(ResourceType.REALM)));
    }

    /** The resource path of the settings endpoint's admin events (endpoint.SettingsAdminEvent.RESOURCE_PATH). */
    public static final String SETTINGS_EVENT_PATH = "mozaiks/contract/settings";

    private static AuditFacts.Change last(AdminEventQuery query) {
        return query.orderByDescTime().maxResults(1).getResultStream().findFirst()
                .map(e -> new AuditFacts.Change(e.getTime(), e.getAuthDetails() == null ? null : e.getAuthDetails().getRealmId(),
                        e.getAuthDetails() == null ? null : e.getAuthDetails().getUserId()))
                .orElse(null);
    }

    /** Users and groups whose role sets the token-size estimate looks at: bounded, the report says when it stopped. */
    static final int MAX_ROLE_USERS = 2_000;
    static final int MAX_ROLE_GROUPS = 1_000;
    /** The role sets kept (largest by realm-role name bytes): a client without full scope may keep fewer of a larger set. */
    private static final int KEPT_ROLE_SETS = 10;

    private record RoleSet(String source, Set<RoleModel> roles, int nameBytes) {
        static RoleSet of(String source, Set<RoleModel> roles) {
            return new RoleSet(source, roles, roles.stream().filter(r -> !r.isClientRole())
                    .mapToInt(r -> r.getName().length() + 3).sum());
        }
    }

    static TokenSizeFacts tokenSize(KeycloakSession session, RealmModel realm, ContractSettings settings,
                                    PrivilegeSettings privileges, List<ClientFacts> contractClients, int signatureBytes) {
        List<RoleSet> largest = new ArrayList<>();
        RoleModel defaultRole = realm.getDefaultRole();
        keep(largest, RoleSet.of("default roles", defaultRole == null ? Set.of() : RoleUtils.expandCompositeRoles(Set.of(defaultRole))));
        Map<String, String> params = Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false");
        int users = 0;
        boolean more = true;
        while (more && users < MAX_ROLE_USERS) {
            int max = Math.min(500, MAX_ROLE_USERS - users);
            List<UserModel> page = session.users().searchForUserStream(realm, params, users, max).toList();
            page.forEach(user -> keep(largest, RoleSet.of("user " + user.getUsername(), RoleUtils.getDeepUserRoleMappings(user))));
            users += page.size();
            more = page.size() == max;
        }
        boolean capped = more && session.users().getUsersCount(realm, false) > users;
        List<GroupModel> groups = realm.getGroupsStream().limit(MAX_ROLE_GROUPS + 1L).toList();
        capped |= groups.size() > MAX_ROLE_GROUPS;
        groups.stream().limit(MAX_ROLE_GROUPS).forEach(group -> keep(largest,
                RoleSet.of("group " + KeycloakModelUtils.buildGroupPath(group), groupRoles(group, defaultRole))));
        Map<String, String> aliases = privileges.valid() ? privileges.roleAliases() : Map.of();
        List<TokenSizeFacts.LargestToken> tokens = new ArrayList<>();
        for (ClientFacts facts : contractClients) {
            ClientModel client = realm.getClientByClientId(facts.clientId());
            if (client == null) {
                continue;
            }
            Set<RoleModel> allowed = ClientReader.roleScope(client);
            List<String> scopes = ClientReader.scopeNames(client);
            TokenSizeFacts.LargestToken best = null;
            for (RoleSet set : largest) {
                List<String> names = set.roles().stream().filter(r -> !r.isClientRole())
                        .filter(r -> allowed == null || allowed.contains(r)).map(RoleModel::getName).toList();
                List<String> roles = RolesClaim.compute(names, defaultRole == null ? null : defaultRole.getName(), false,
                        name -> privileges.valid() && privileges.isServiceOnly(name), aliases);
                int bytes = TokenSizeEstimator.accessTokenBytes(new TokenSizeEstimator.Shape(client.getClientId(),
                        settings.audiences() == null ? List.of() : settings.audiences(), scopes,
                        settings.tenant() != null ? settings.tenant() : realm.getName(), roles), signatureBytes);
                if (best == null || bytes > best.bytes()) {
                    best = new TokenSizeFacts.LargestToken(client.getClientId(), bytes, roles.size(), set.source());
                }
            }
            tokens.add(best);
        }
        return new TokenSizeFacts(TokenBudget.of(realm.getAttributes()), List.copyOf(tokens), users,
                Math.min(groups.size(), MAX_ROLE_GROUPS), capped);
    }

    private static void keep(List<RoleSet> largest, RoleSet set) {
        largest.add(set);
        largest.sort(java.util.Comparator.comparingInt(RoleSet::nameBytes).reversed());
        if (largest.size() > KEPT_ROLE_SETS) {
            largest.remove(largest.size() - 1);
        }
    }

    /** What a member of the group holds through it: its and its parents' role mappings, the default role, composites expanded. */
    private static Set<RoleModel> groupRoles(GroupModel group, RoleModel defaultRole) {
        Set<RoleModel> roles = new java.util.HashSet<>();
        if (defaultRole != null) {
            roles.add(defaultRole);
        }
        for (GroupModel g = group; g != null; g = g.getParent()) {
            g.getRoleMappingsStream().forEach(roles::add);
        }
        return RoleUtils.expandCompositeRoles(roles);
    }

    private static int rsaKeyBits(KeycloakSession session, RealmModel realm, String algorithm) {
        try {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, algorithm);
            return key != null && key.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa
                    ? rsa.getModulus().bitLength() : 0;
        } catch (RuntimeException noKey) {
            return 0;
        }
    }

    /**
     * Enabled client policies (the realm's and global ones) with a profile (the realm's or a global one, such as
     * fapi-2-dpop-security-profile) that has the {@code dpop-bind-enforcer} executor. A policy that cannot be read
     * is reported as such rather than skipped: an unreadable policy may still bind tokens.
     */
    private static List<ProofOfPossessionChecks.DpopPolicy> dpopPolicies(KeycloakSession session, RealmModel realm) {
        ClientPoliciesRepresentation policies;
        ClientProfilesRepresentation profiles;
        try {
            policies = session.clientPolicy().getClientPolicies(realm, true);
            profiles = session.clientPolicy().getClientProfiles(realm, true);
        } catch (ClientPolicyException | RuntimeException e) {
            return List.of(new ProofOfPossessionChecks.DpopPolicy("(unreadable client policies)", "?",
                    List.of("could not read them: " + e.getMessage())));
        }
        Set<String> dpopProfiles = new LinkedHashSet<>();
        Stream.concat(nullSafe(profiles == null ? null : profiles.getProfiles()).stream(),
                        nullSafe(profiles == null ? null : profiles.getGlobalProfiles()).stream())
                .filter(profile -> nullSafe(profile.getExecutors()).stream()
                        .anyMatch(e -> ProofOfPossessionChecks.DPOP_EXECUTOR.equals(e.getExecutorProviderId())))
                .forEach(profile -> dpopProfiles.add(profile.getName()));
        List<ProofOfPossessionChecks.DpopPolicy> found = new ArrayList<>();
        Stream.concat(nullSafe(policies == null ? null : policies.getPolicies()).stream(),
                        nullSafe(policies == null ? null : policies.getGlobalPolicies()).stream())
                .filter(policy -> Boolean.TRUE.equals(policy.isEnabled()))
                .forEach(policy -> nullSafe(policy.getProfiles()).stream().filter(dpopProfiles::contains).findFirst()
                        .ifPresent(profile -> found.add(new ProofOfPossessionChecks.DpopPolicy(policy.getName(), profile,
                                nullSafe(policy.getConditions()).stream()
                                        .map(ClientPolicyConditionRepresentation::getConditionProviderId).toList()))));
        return found.size() <= MAX_NAMES ? found : List.copyOf(found.subList(0, MAX_NAMES));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String signingKeyType(KeycloakSession session, RealmModel realm, String algorithm) {
        try {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, algorithm);
            return key == null ? null : key.getType();
        } catch (RuntimeException noKey) {
            return null;
        }
    }

    private static boolean serverWideIntrospectionWithoutAudience() {
        Config.Scope scope = Config.scope("login-protocol", OIDCLoginProtocol.LOGIN_PROTOCOL);
        Boolean value = scope == null ? null : scope.getBoolean("allow-token-introspection-without-audience-check", false);
        return Boolean.TRUE.equals(value);
    }

    private static List<String> clientsWithoutIntrospectionAudience(RealmModel realm) {
        return realm.getClientsStream()
                .filter(c -> TRUE.equalsIgnoreCase(c.getAttribute(Checks.INTROSPECTION_CLIENT_ATTRIBUTE)))
                .map(ClientModel::getClientId).sorted().toList();
    }

    private static Optional<ClientScopeModel> contractScope(RealmModel realm, String scopeName) {
        return Optional.ofNullable(KeycloakModelUtils.getClientScopeByName(realm, scopeName));
    }

    /** Contract mappers that do nothing: on clients, in other scopes, or a second one in access_as_user. */
    private static List<String> strayContractMappers(RealmModel realm) {
        List<String> strays = new ArrayList<>();
        Optional<ProtocolMapperModel> counting = ContractScopeMembership.countingMapper(realm);
        contractScope(realm, Contract.CONTRACT_SCOPE).ifPresent(scope -> scope.getProtocolMappersStream()
                .filter(m -> ContractMapper.PROVIDER_ID.equals(m.getProtocolMapper()))
                .filter(m -> counting.isPresent() && !m.getId().equals(counting.get().getId()))
                .forEach(m -> strays.add("a second contract mapper \"" + m.getName() + "\" in client scope "
                        + Contract.CONTRACT_SCOPE)));
        realm.getClientScopesStream().filter(scope -> !Contract.CONTRACT_SCOPE.equals(scope.getName()))
                .filter(scope -> hasContractMapper(scope.getProtocolMappersStream()))
                .forEach(scope -> strays.add("client scope " + scope.getName()));
        realm.getClientsStream().filter(client -> hasContractMapper(client.getProtocolMappersStream()))
                .forEach(client -> strays.add("client " + client.getClientId()));
        return bounded(strays);
    }

    private static boolean hasContractMapper(Stream<ProtocolMapperModel> mappers) {
        return mappers.anyMatch(m -> ContractMapper.PROVIDER_ID.equals(m.getProtocolMapper()));
    }

    /**
     * Users (not service accounts) and groups holding a service-only role, directly or through a composite
     * role; the realm's default role counts as "every user".
     */
    private static List<String> humanServiceRoleHolders(KeycloakSession session, RealmModel realm, List<String> serviceOnlyRoles) {
        List<RoleModel> serviceRoles = serviceOnlyRoles.stream().map(realm::getRole).filter(Objects::nonNull).toList();
        if (serviceRoles.isEmpty()) {
            return List.of();
        }
        Set<String> holders = new LinkedHashSet<>();
        RoleModel defaultRole = realm.getDefaultRole();
        if (defaultRole != null && serviceRoles.stream().anyMatch(defaultRole::hasRole)) {
            holders.add("every user (default role " + defaultRole.getName() + ")");
        }
        // The roles that grant a service-only role: itself and every realm or client role composing it.
        List<RoleModel> granting = Stream.concat(realm.getRolesStream(), realm.getClientsStream().flatMap(ClientModel::getRolesStream))
                .filter(role -> serviceRoles.stream().anyMatch(role::hasRole)).toList();
        for (RoleModel role : granting) {
            session.users().getRoleMembersStream(realm, role, 0, MAX_NAMES)
                    .filter(user -> user.getServiceAccountClientLink() == null)
                    .map(UserModel::getUsername).forEach(name -> holders.add("user " + name + " (" + roleName(role) + ")"));
            session.groups().getGroupsByRoleStream(realm, role, 0, MAX_NAMES)
                    .forEach(group -> holders.add("group " + KeycloakModelUtils.buildGroupPath(group) + " (" + roleName(role) + ")"));
            if (holders.size() >= MAX_NAMES) {
                break;
            }
        }
        return bounded(new ArrayList<>(holders));
    }

    private static String roleName(RoleModel role) {
        return role.isClientRole() && role.getContainer() instanceof ClientModel client
                ? client.getClientId() + " role " + role.getName() : role.getName();
    }

    /**
     * Enabled clients that can obtain tokens but carry neither the contract scope nor an audience mapper:
     * nothing guarantees their tokens an {@code aud}.
     */
    private static List<String> clientsWithoutOwnAudience(RealmModel realm, String contractScope) {
        List<String> clients = realm.getClientsStream()
                .filter(ClientModel::isEnabled)
                .filter(client -> ClientReader.issuesUserTokens(client) || client.isServiceAccountsEnabled())
                .filter(client -> !client.getClientScopes(true).containsKey(contractScope))
                .filter(client -> !hasAudienceMapper(client))
                .map(ClientModel::getClientId).sorted().toList();
        return bounded(new ArrayList<>(clients));
    }

    /**
     * Where tokens of clients WITHOUT the contract scope get an API audience: an Audience mapper naming it (on
     * the client or its Default/Optional scopes), or client roles of the API client, which Keycloak's
     * audience-resolve mapper turns into {@code aud}.
     */
    private static List<String> apiAudienceOutsideContract(RealmModel realm, String contractScope, List<String> apiAudiences) {
        if (apiAudiences == null || apiAudiences.isEmpty()) {
            return List.of();
        }
        List<String> sources = new ArrayList<>();
        for (String api : apiAudiences) {
            ClientModel apiClient = realm.getClientByClientId(api);
            if (apiClient != null && apiClient.getRolesStream().findAny().isPresent()) {
                sources.add("client " + api + " has client roles (Keycloak's audience resolve adds " + api
                        + " for every user holding one)");
            }
        }
        realm.getClientsStream()
                .filter(client -> !client.getClientScopes(true).containsKey(contractScope))
                .forEach(client -> Stream.concat(client.getProtocolMappersStream(),
                                Stream.concat(client.getClientScopes(true).values().stream(), client.getClientScopes(false).values().stream())
                                        .flatMap(ClientScopeModel::getProtocolMappersStream))
                        .filter(m -> m.getConfig() != null && (addsApiAudience(m, apiAudiences) || writesAud(m)))
                        .findFirst()
                        .ifPresent(m -> sources.add("client " + client.getClientId() + " (" + (writesAud(m)
                                ? "mapper " + m.getName() + " names claim aud, which Keycloak sets as the token's audience"
                                : "Audience mapper " + m.getName()) + ")")));
        return bounded(sources);
    }

    private static boolean addsApiAudience(ProtocolMapperModel mapper, List<String> apiAudiences) {
        return "oidc-audience-mapper".equals(mapper.getProtocolMapper())
                && (apiAudiences.contains(mapper.getConfig().get("included.client.audience"))
                || apiAudiences.contains(mapper.getConfig().get("included.custom.audience")));
    }

    /**
     * Any mapper whose {@code claim.name} is exactly {@code aud} (a Hardcoded claim, a user attribute): Keycloak
     * writes that value into the token's audience field, so it can address the API with any value.
     */
    private static boolean writesAud(ProtocolMapperModel mapper) {
        String path = mapper.getConfig().get("claim.name");
        return path != null && "aud".equals(MapperClaims.topLevel(path));
    }

    private static boolean hasAudienceMapper(ClientModel client) {
        Stream<ProtocolMapperModel> mappers = Stream.concat(client.getProtocolMappersStream(),
                client.getClientScopes(true).values().stream().flatMap(ClientScopeModel::getProtocolMappersStream));
        return mappers.anyMatch(m -> "oidc-audience-mapper".equals(m.getProtocolMapper()));
    }

    private static List<String> bounded(List<String> names) {
        if (names.size() <= MAX_NAMES) {
            return names;
        }
        List<String> first = new ArrayList<>(names.subList(0, MAX_NAMES));
        first.add("... and " + (names.size() - MAX_NAMES) + " more");
        return first;
    }
}
