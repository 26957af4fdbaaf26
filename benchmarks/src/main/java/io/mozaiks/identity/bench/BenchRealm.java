package io.mozaiks.identity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.testkit.server.AdminApi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the benchmark realm through the admin REST API, the way an admin would: the roles, groups and
 * user of {@link BenchData}, the API audience client, the contract scope, the built-in mapper chain
 * scope, two control scopes, and seven clients that differ ONLY in the default client scopes they add to
 * {@code basic}.
 */
public final class BenchRealm {

    /**
     * The clients, in the order they are reported: a, b, c as the issue names them; two controls that
     * split b/a (s resolves the user's roles without emitting them, r emits them as {@code roles} and
     * nothing else: s/a = resolving, r/s = carrying the names, b/r = what the contract adds on top); and
     * a stock client with and without the contract (u/t = adding the contract to what most realms have).
     */
    public enum Variant {
        FLOOR("bench-floor", "a", "no extra mappers (basic scope only): the physical floor"),
        CONTRACT("bench-contract", "b", "basic + the contract scope (mozaiks contract v1 mapper)",
                BenchData.CONTRACT_SCOPE),
        BUILTIN("bench-builtin", "c", "basic + built-in chain: audience, realm roles as `roles`, hardcoded tid and scp",
                BenchData.BUILTIN_SCOPE),
        ROLES("bench-roles", "r", "basic + Keycloak's realm-role mapper alone (claim `roles`): the floor plus the same roles",
                BenchData.ROLES_SCOPE),
        RESOLVE("bench-resolve", "s", "basic + Keycloak's client-role mapper for a client without roles: resolves the roles, emits none",
                BenchData.RESOLVE_SCOPE),
        STOCK("bench-stock", "t", "basic + Keycloak's default `roles` scope (realm_access, resource_access): a stock client",
                BenchData.STOCK_ROLES_SCOPE),
        STOCK_CONTRACT("bench-stock-contract", "u", "the stock client t + the contract scope",
                BenchData.STOCK_ROLES_SCOPE, BenchData.CONTRACT_SCOPE);

        public final String clientId;
        public final String letter;
        public final String description;
        /** Default client scopes besides {@code basic}. */
        public final List<String> extraScopes;

        Variant(String clientId, String letter, String description, String... extraScopes) {
            this.clientId = clientId;
            this.letter = letter;
            this.description = description;
            this.extraScopes = List.of(extraScopes);
        }
    }

    public static final String SECRET = "bench-secret";

    private BenchRealm() {
    }

    /** Creates the realm on a running server; fails loudly if any step is refused. */
    public static void create(String baseUrl) {
        createRealm(baseUrl);
        AdminApi admin = new AdminApi(baseUrl, BenchData.REALM);

        admin.createClient(Map.of("clientId", BenchData.API, "name", "API audience (no flows)", "publicClient", false,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false, "serviceAccountsEnabled", false,
                "fullScopeAllowed", false, "defaultClientScopes", List.of(), "optionalClientScopes", List.of()));

        createScope(admin, BenchData.CONTRACT_SCOPE, List.of(mapper("mozaiks contract v1", "mozaiks-contract-v1-mapper",
                BenchData.contractMapperConfig())));
        createScope(admin, BenchData.BUILTIN_SCOPE, builtinChain());
        createScope(admin, BenchData.ROLES_SCOPE, List.of(realmRolesAsRoles()));
        // The API client has no client roles: Keycloak resolves all of the user's roles to look, finds none.
        createScope(admin, BenchData.RESOLVE_SCOPE, List.of(mapper("roles of a client without roles",
                "oidc-usermodel-client-role-mapper", Map.of("usermodel.clientRoleMapping.clientId", BenchData.API,
                        "claim.name", "api_roles", "multivalued", "true", "jsonType.label", "String",
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false", "lightweight.claim", "false"))));

        for (Variant variant : Variant.values()) {
            List<String> scopes = new ArrayList<>(List.of("basic"));
            scopes.addAll(variant.extraScopes);
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", variant.clientId);
            client.put("publicClient", false);
            client.put("secret", SECRET);
            client.put("standardFlowEnabled", false);
            client.put("directAccessGrantsEnabled", true); // only for the one untimed password grant per slot
            client.put("serviceAccountsEnabled", true);
            client.put("fullScopeAllowed", true);
            client.put("defaultClientScopes", scopes);
            client.put("optionalClientScopes", List.of());
            String id = admin.createClient(client);
            grantBenchRoles(admin, admin.get("/clients/" + id + "/service-account-user").expect(200).json()
                    .get("id").asText());
        }
    }

    /** An OIDC client scope that puts its name into the token's scope, as the dev realm's contract scope does. */
    private static void createScope(AdminApi admin, String name, List<Map<String, Object>> mappers) {
        admin.post("/client-scopes", Map.of("name", name, "protocol", "openid-connect",
                "attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"),
                "protocolMappers", mappers)).expect(201);
    }

    /** The same roles and groups as the bench user, so client-credentials tokens carry 50 roles too. */
    private static void grantBenchRoles(AdminApi admin, String userId) {
        List<JsonNode> roles = new ArrayList<>();
        for (String role : BenchData.DIRECT_ROLES) {
            roles.add(admin.get("/roles/" + role).expect(200).json());
        }
        admin.post("/users/" + userId + "/role-mappings/realm", roles).expect(204);
        for (JsonNode group : admin.get("/groups").expect(200).json()) {
            if (BenchData.GROUPS.containsKey(group.get("name").asText())) {
                admin.put("/users/" + userId + "/groups/" + group.get("id").asText(), Map.of()).expect(204);
            }
        }
    }

    /** Roles (with composites), groups and the user: one POST /admin/realms. Default client scopes are created. */
    private static void createRealm(String baseUrl) {
        List<Map<String, Object>> roles = new ArrayList<>();
        for (int i = 1; i <= BenchData.ROLE_COUNT; i++) {
            String name = BenchData.role(i);
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("name", name);
            List<String> children = BenchData.COMPOSITES.get(name);
            if (children != null) {
                role.put("composite", true);
                role.put("composites", Map.of("realm", children));
            }
            roles.add(role);
        }
        roles.add(Map.of("name", BenchData.ALIASED_ROLE));
        roles.add(Map.of("name", "internal_service"));

        List<Map<String, Object>> groups = new ArrayList<>();
        BenchData.GROUPS.forEach((name, groupRoles) -> groups.add(Map.of("name", name, "realmRoles", groupRoles)));

        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", BenchData.USER);
        user.put("enabled", true);
        user.put("email", BenchData.USER + "@bench.invalid");
        user.put("emailVerified", true);
        user.put("firstName", "Bench");
        user.put("lastName", "User");
        user.put("credentials", List.of(Map.of("type", "password", "value", BenchData.PASSWORD, "temporary", false)));
        List<String> userRoles = new ArrayList<>(BenchData.DIRECT_ROLES);
        userRoles.add(BenchData.defaultRole());
        user.put("realmRoles", userRoles);
        user.put("groups", BenchData.GROUPS.keySet().stream().map(g -> "/" + g).toList());

        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", BenchData.REALM);
        realm.put("enabled", true);
        realm.put("sslRequired", "none");
        realm.put("bruteForceProtected", false);
        realm.put("accessTokenLifespan", 300);
        realm.put("ssoSessionIdleTimeout", 3600);
        realm.put("ssoSessionMaxLifespan", 36000);
        realm.put("roles", Map.of("realm", roles));
        realm.put("groups", groups);
        realm.put("users", List.of(user));
        realm.put("attributes", BenchData.realmAttributes()); // privilege settings (contract 1.1)

        new AdminApi(baseUrl, BenchData.REALM).createRealm(realm).expect(201);
    }

    /** The closest chain of Keycloak's own mappers to the contract. */
    private static List<Map<String, Object>> builtinChain() {
        return List.of(
                mapper("audience mozaiks-api", "oidc-audience-mapper", Map.of(
                        "included.client.audience", BenchData.API,
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "lightweight.claim", "false")),
                realmRolesAsRoles(),
                mapper("tid", "oidc-hardcoded-claim-mapper", Map.of(
                        "claim.name", "tid", "claim.value", BenchData.REALM, "jsonType.label", "String",
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false", "lightweight.claim", "false")),
                mapper("scp", "oidc-hardcoded-claim-mapper", Map.of(
                        "claim.name", "scp", "claim.value", BenchData.CONTRACT_SCOPE, "jsonType.label", "String",
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false", "lightweight.claim", "false")));
    }

    /** Keycloak's own realm-role mapper writing the flat {@code roles} claim: in the chain and alone in r. */
    private static Map<String, Object> realmRolesAsRoles() {
        return mapper("realm roles as roles", "oidc-usermodel-realm-role-mapper", Map.of(
                "claim.name", "roles", "multivalued", "true", "jsonType.label", "String",
                "access.token.claim", "true", "introspection.token.claim", "true",
                "id.token.claim", "false", "userinfo.token.claim", "false", "lightweight.claim", "false"));
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", config);
    }
}
