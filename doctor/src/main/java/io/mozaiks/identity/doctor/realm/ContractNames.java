package io.mozaiks.identity.doctor.realm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The extension's names the realm planner needs, mirrored: the doctor runs without Keycloak on its class path, and
 * the extension's {@code contract} package depends on Keycloak. keycloak-extension's {@code RealmPlanNamesTest} pins
 * every constant here to the extension's own ({@code Contract}, {@code ReadClaimNames}, {@code ContractSettings},
 * {@code PrivilegeSettings}, {@code ContractMapper}), so a change there fails the build until it is made here too.
 */
public final class ContractNames {

    /** The contract version this doctor plans for ({@code Contract.VERSION}). */
    public static final String VERSION = "1.2";
    /**
     * Realm attribute the planner writes on apply: the contract version the realm was last brought to. Nothing else
     * records it; a realm with a newer value is refused (a newer doctor changed it, an older one must not undo that).
     */
    public static final String VERSION_ATTRIBUTE = "mozaiks.contract.version";

    public static final String CONTRACT_SCOPE = "access_as_user";
    public static final String MAPPER_PROVIDER = "mozaiks-contract-v1-mapper";
    public static final String MAPPER_NAME = "mozaiks contract v1";
    public static final String PROTOCOL = "openid-connect";

    public static final String AUDIENCE_KEY = "mozaiks.audience";
    public static final String REQUIRED_SCOPE_KEY = "mozaiks.required.scope";
    public static final String TENANT_KEY = "mozaiks.tenant";
    public static final String APP_ID_ATTRIBUTE_KEY = "mozaiks.app.id.client.attribute";
    /** Every key of the contract mapper's config; any other key (contract 1.0's privilege keys) is removed. */
    public static final List<String> MAPPER_KEYS = List.of(AUDIENCE_KEY, REQUIRED_SCOPE_KEY, TENANT_KEY, APP_ID_ATTRIBUTE_KEY);

    public static final String DEFAULT_AUDIENCE = "mozaiks-api";
    public static final String DEFAULT_REQUIRED_SCOPE = "access_as_user";
    public static final String DEFAULT_APP_ID_ATTRIBUTE = "mozaiks.app_id";

    public static final String ROLE_ALIASES = "mozaiks.role.aliases";
    public static final String SERVICE_ONLY_ROLES = "mozaiks.service.only.roles";
    public static final String INTERNAL_SERVICE_CLIENTS = "mozaiks.internal.service.clients";
    public static final String CORE_ADMIN_ALIAS = "mozaiks.role.alias.core-admin";
    public static final String NO_ALIASES = "none";
    public static final String DEFAULT_ROLE_ALIASES = "platform_admin:Admin";
    public static final String DEFAULT_SERVICE_ONLY_ROLES = "internal_service,service";
    /** Core treats either as internal AND superadmin, so they are service-only whatever the list says. */
    public static final List<String> CORE_INTERNAL_ROLES = List.of("internal_service", "service");

    /** Never in a contract token ({@code Contract.STRIPPED_CLAIMS}). */
    public static final List<String> STRIPPED_CLAIMS = List.of("realm_access", "resource_access", "mozaiks_app_id",
            "mozaiks_token_use", "mozaiks_chat_id", "chat_id", "user_id", "uid", "username", "is_superadmin",
            "mozaiks_capability_id", "capability_id", "plan", "subscription", "entitlements", "billing");
    /** Decided by the contract mapper alone ({@code Contract.OWNED_CLAIMS}). */
    public static final List<String> OWNED_CLAIMS = List.of("scope", "scp", "roles", "tid", "amr", "app_id", "sub",
            "preferred_username", "name", "email");
    /** Fields Keycloak writes itself ({@code ReadClaimNames.KEYCLOAK_FIELDS}). */
    public static final Set<String> KEYCLOAK_FIELDS = Set.of("iss", "aud", "typ", "sub", "azp", "acr", "exp", "iat",
            "nbf", "scope");
    /** Every name a consumer reads ({@code ReadClaimNames.ALL}), in the extension's order. */
    public static final Set<String> READ_NAMES = readNames();

    /** Keycloak's stock scopes whose role and acr mappers conformance only warns about. */
    public static final Set<String> STOCK_SCOPES = Set.of("roles", "acr");
    public static final Set<String> STOCK_PROVIDERS = Set.of("oidc-usermodel-realm-role-mapper",
            "oidc-usermodel-client-role-mapper", "oidc-audience-resolve-mapper", "oidc-acr-mapper");

    private ContractNames() {
    }

    private static Set<String> readNames() {
        Set<String> names = new LinkedHashSet<>(OWNED_CLAIMS);
        names.addAll(STRIPPED_CLAIMS);
        names.addAll(List.of("azp", "appid", "client_id", "iss", "aud", "typ", "exp", "nbf", "iat", "acr", "given_name",
                "family_name"));
        return java.util.Collections.unmodifiableSet(names);
    }
}
