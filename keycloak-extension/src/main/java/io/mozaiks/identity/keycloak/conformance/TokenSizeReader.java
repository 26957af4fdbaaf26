package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.tokensize.TokenBudget;
import io.mozaiks.identity.keycloak.tokensize.TokenSizeEstimator;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the role sets users and groups reach, bounded, for the token-size estimate of each contract client. */
final class TokenSizeReader {
    private TokenSizeReader() {
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

    static int rsaKeyBits(KeycloakSession session, RealmModel realm, String algorithm) {
        try {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, algorithm);
            return key != null && key.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa
                    ? rsa.getModulus().bitLength() : 0;
        } catch (RuntimeException noKey) {
            return 0;
        }
    }
}
