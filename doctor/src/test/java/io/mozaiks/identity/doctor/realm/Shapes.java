package io.mozaiks.identity.doctor.realm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Snapshots with the SHAPE of the upstream realms (docs/consumer-findings.md, "Their realms"). */
final class Shapes {

    static final RealmSnapshot.Scope ROLES = new RealmSnapshot.Scope("s-roles", "roles", "openid-connect", Map.of(), List.of(
            mapper("m-rr", "realm roles", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "realm_access.roles", "multivalued", "true")),
            mapper("m-cr", "client roles", "oidc-usermodel-client-role-mapper", Map.of("claim.name", "resource_access.${client_id}.roles")),
            mapper("m-ar", "audience resolve", "oidc-audience-resolve-mapper", Map.of())));
    static final RealmSnapshot.Scope ACR = new RealmSnapshot.Scope("s-acr", "acr", "openid-connect", Map.of(),
            List.of(mapper("m-acr", "acr loa level", "oidc-acr-mapper", Map.of())));
    static final RealmSnapshot.Scope PROFILE = new RealmSnapshot.Scope("s-profile", "profile", "openid-connect", Map.of(), List.of(
            mapper("m-un", "username", "oidc-usermodel-attribute-mapper", Map.of("claim.name", "preferred_username")),
            mapper("m-gn", "given name", "oidc-usermodel-attribute-mapper", Map.of("claim.name", "given_name"))));
    static final RealmSnapshot.Scope EMAIL = new RealmSnapshot.Scope("s-email", "email", "openid-connect", Map.of(),
            List.of(mapper("m-em", "email", "oidc-usermodel-attribute-mapper", Map.of("claim.name", "email"))));
    static final RealmSnapshot.Scope BASIC = new RealmSnapshot.Scope("s-basic", "basic", "openid-connect", Map.of(), List.of(
            mapper("m-sub", "sub", "oidc-sub-mapper", Map.of()),
            mapper("m-at", "auth_time", "oidc-usersessionmodel-note-mapper", Map.of("claim.name", "auth_time"))));
    static final List<String> STOCK_DEFAULTS = List.of("basic", "acr", "roles", "profile", "email");

    private Shapes() {
    }

    static RealmSnapshot.Mapper mapper(String id, String name, String provider, Map<String, String> config) {
        return new RealmSnapshot.Mapper(id, name, "openid-connect", provider, config);
    }

    static RealmSnapshot.Client client(String id, String clientId, RealmSnapshot.Flows flows, List<RealmSnapshot.Mapper> mappers,
                                       List<String> defaults, Set<String> serviceRoles) {
        return new RealmSnapshot.Client(id, clientId, true, false, !flows.serviceAccount(), flows, Map.of(), mappers, defaults,
                List.of(), serviceRoles, false);
    }

    /** mozaiks-core's example realm: shell with audience and unfiltered roles mappers, bearer-only api, core without internal_service. */
    static RealmSnapshot coreExample() {
        RealmSnapshot.Scope mozaiksScope = new RealmSnapshot.Scope("s-mz", "mozaiks-scope", "openid-connect", Map.of(), List.of(
                mapper("m-app", "app_id", "oidc-usermodel-attribute-mapper", Map.of("claim.name", "app_id", "user.attribute", "app_id"))));
        List<String> shellScopes = new java.util.ArrayList<>(STOCK_DEFAULTS);
        shellScopes.add("mozaiks-scope");
        return new RealmSnapshot("core-example", Map.of(), Set.of("user", "admin", "default-roles-core-example", "offline_access"),
                List.of(
                        client("c-shell", "mozaiks-shell", new RealmSnapshot.Flows(true, false, false, false), List.of(
                                mapper("m-aud", "api audience", "oidc-audience-mapper", Map.of("included.client.audience", "mozaiks-api")),
                                mapper("m-roles", "realm roles", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "roles",
                                        "multivalued", "true"))), shellScopes, Set.of()),
                        new RealmSnapshot.Client("c-api", "mozaiks-api", true, true, false, new RealmSnapshot.Flows(true, false, false, false),
                                Map.of(), List.of(), STOCK_DEFAULTS, List.of(), Set.of(), false),
                        client("c-core", "mozaiks-core", new RealmSnapshot.Flows(false, false, false, true), List.of(), STOCK_DEFAULTS,
                                Set.of("default-roles-core-example", "offline_access")),
                        client("c-admin-cli", "admin-cli", new RealmSnapshot.Flows(false, false, true, false), List.of(), STOCK_DEFAULTS, Set.of())),
                List.of(BASIC, ACR, ROLES, PROFILE, EMAIL, mozaiksScope));
    }

    /** The unified repository's realm: one public client mozaiks-app with a realm-roles mapper writing realm_access. */
    static RealmSnapshot unified() {
        return new RealmSnapshot("unified", Map.of(), Set.of("user", "admin", "default-roles-unified"),
                List.of(client("c-app", "mozaiks-app", new RealmSnapshot.Flows(true, false, false, false), List.of(
                                mapper("m-rr2", "realm roles", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "realm_access.roles"))),
                        STOCK_DEFAULTS, Set.of())),
                List.of(BASIC, ACR, ROLES, PROFILE, EMAIL));
    }

    static DeployRequest coreRequest() {
        return new DeployRequest(List.of("mozaiks-shell"), List.of("mozaiks-core"), "core-app", null, null, null, null);
    }

    static DeployRequest unifiedRequest() {
        return new DeployRequest(List.of("mozaiks-app"), List.of(), null, null, null, null, null);
    }
}
