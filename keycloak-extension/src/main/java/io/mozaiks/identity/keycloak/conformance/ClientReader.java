package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.models.utils.RoleUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link RealmFacts}' reading of ONE client from Keycloak's models: its {@link ClientFacts} and, for a contract
 * client, the mappers that act on its tokens. The only other class here that touches a model.
 */
final class ClientReader {

    private static final String TRUE = "true";

    private ClientReader() {
    }

    static ClientFacts facts(KeycloakSession session, RealmModel realm, ClientModel client, String scopeName,
                             PrivilegeSettings privileges) {
        return new ClientFacts(client.getClientId(), client.isEnabled(), assignment(client, scopeName),
                issuesUserTokens(client), client.isServiceAccountsEnabled(),
                serviceOnlyRoleHolder(session, realm, client, privileges), client.isConsentRequired(),
                client.isFullScopeAllowed(), client.getAttribute("access.token.signed.response.alg"),
                client.getClientAuthenticatorType());
    }

    /** The login switches of an API audience client. */
    static Checks.AudienceClient audienceClient(RealmModel realm, String clientId) {
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

    /** {@code "default"}, {@code "optional"} or {@code null}. */
    static String assignment(ClientModel client, String scopeName) {
        if (client.getClientScopes(true).containsKey(scopeName)) {
            return ClientFacts.DEFAULT;
        }
        return client.getClientScopes(false).containsKey(scopeName) ? ClientFacts.OPTIONAL : null;
    }

    static boolean issuesUserTokens(ClientModel client) {
        return !client.isBearerOnly() && (client.isStandardFlowEnabled() || client.isImplicitFlowEnabled()
                || client.isDirectAccessGrantsEnabled()
                || TRUE.equals(client.getAttribute("oauth2.device.authorization.grant.enabled"))
                || TRUE.equals(client.getAttribute("oidc.ciba.grant.enabled")));
    }

    /** The same rule as the token side: any realm role that counts as service-only, composites and groups included. */
    private static boolean serviceOnlyRoleHolder(KeycloakSession session, RealmModel realm, ClientModel client,
                                                 PrivilegeSettings privileges) {
        if (!client.isServiceAccountsEnabled() || privileges.serviceOnlyRoles() == null) {
            return false;
        }
        UserModel account = session.users().getServiceAccount(client);
        return account != null && realm.getRolesStream().filter(role -> privileges.isServiceOnly(role.getName()))
                .anyMatch(account::hasRole);
    }

    static ReportFacts.ContractClient contractClient(KeycloakSession session, RealmModel realm, ClientFacts facts,
                                                     String contractMapperId, List<String> apiAudiences) {
        ClientModel client = realm.getClientByClientId(facts.clientId());
        List<Checks.AppliedMapper> applied = new ArrayList<>();
        List<ClientClaimChecks.ClaimWriter> writers = new ArrayList<>();
        String own = "client " + client.getClientId();
        client.getProtocolMappersStream().forEach(m -> {
            applied(session, m, own, contractMapperId).ifPresent(applied::add);
            MapperClaims.writer(m.getName(), m.getProtocolMapper(), m.getConfig(), own, false, apiAudiences)
                    .ifPresent(writers::add);
        });
        Stream.concat(client.getClientScopes(true).values().stream(), client.getClientScopes(false).values().stream())
                .forEach((ClientScopeModel scope) -> scope.getProtocolMappersStream().forEach(m -> {
                    String source = "client scope " + scope.getName();
                    applied(session, m, source, contractMapperId).ifPresent(applied::add);
                    MapperClaims.writer(m.getName(), m.getProtocolMapper(), m.getConfig(), source,
                            MapperClaims.STOCK_SCOPES.contains(scope.getName()), apiAudiences).ifPresent(writers::add);
                }));
        return new ReportFacts.ContractClient(facts, List.copyOf(applied), List.copyOf(writers),
                TRUE.equalsIgnoreCase(client.getAttribute(ProofOfPossessionChecks.DPOP_CLIENT_ATTRIBUTE)));
    }

    /** An OIDC mapper other than the contract mapper, with the priority its provider runs at. */
    private static Optional<Checks.AppliedMapper> applied(KeycloakSession session, ProtocolMapperModel mapper,
                                                                     String source, String contractMapperId) {
        if (Objects.equals(mapper.getId(), contractMapperId)
                || !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(mapper.getProtocol())) {
            return Optional.empty();
        }
        ProviderFactory<?> factory = session.getKeycloakSessionFactory()
                .getProviderFactory(ProtocolMapper.class, mapper.getProtocolMapper());
        int priority = factory instanceof ProtocolMapper pm ? pm.getPriority() : 0;
        return Optional.of(new Checks.AppliedMapper(mapper.getName(), mapper.getProtocolMapper(), priority, source));
    }

    /**
     * The roles the client's tokens may carry, as Keycloak's TokenManager.getAccess decides it: {@code null} with
     * Full scope allowed (every role of the user), else its own client roles and the role scope mappings of the
     * client and of its Default and Optional client scopes, composites expanded.
     */
    static Set<RoleModel> roleScope(ClientModel client) {
        if (client.isFullScopeAllowed()) {
            return null;
        }
        Stream<RoleModel> mappings = Stream.concat(Stream.concat(client.getRolesStream(), client.getScopeMappingsStream()),
                Stream.concat(client.getClientScopes(true).values().stream(), client.getClientScopes(false).values().stream())
                        .flatMap(ClientScopeModel::getScopeMappingsStream));
        return RoleUtils.expandCompositeRolesStream(mappings).collect(Collectors.toSet());
    }

    /** Its Default and Optional client scope names: the most its {@code scope} and {@code scp} can hold. */
    static List<String> scopeNames(ClientModel client) {
        return Stream.concat(client.getClientScopes(true).keySet().stream(), client.getClientScopes(false).keySet().stream())
                .sorted().toList();
    }
}
