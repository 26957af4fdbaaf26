package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.email.RealmCollisionScan;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.keycloak.mapper.ContractScopeMembership;
import io.mozaiks.identity.keycloak.tokensize.TokenSizeEstimator;
import org.keycloak.Config;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

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
                TokenSizeReader.tokenSize(session, realm, settings, privileges.settings(), clients.contractClients(),
                        TokenSizeEstimator.signatureBytes(alg, TokenSizeReader.rsaKeyBits(session, realm, alg))),
                AdminEventsReader.audit(session, realm),
                ClientPolicyReader.dpopPolicies(session, realm));
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
