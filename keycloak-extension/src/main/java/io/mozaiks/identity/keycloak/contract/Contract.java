package io.mozaiks.identity.keycloak.contract;

import java.util.List;
import java.util.Set;

/**
 * The names fixed by the mozaiks token contract (major version 1, minor {@link #VERSION}; docs/contracts/auth-claims-v1.2.md). Claim
 * names are the contract itself and are not configurable; only values are ({@link ContractSettings},
 * {@link PrivilegeSettings}).
 */
public final class Contract {

    /** The contract's major version: the provider id and the document names carry it ({@code v1}). */
    public static final int MAJOR = 1;
    /** The published version ({@code contract_version}); a minor version only ever shrinks privileges. */
    public static final String VERSION = "1.2";

    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_SCP = "scp";
    public static final String CLAIM_SCOPE = "scope";
    public static final String CLAIM_TENANT = "tid";
    public static final String CLAIM_AMR = "amr";
    public static final String CLAIM_APP_ID = "app_id";

    public static final String DEFAULT_AUDIENCE = "mozaiks-api";
    public static final String DEFAULT_REQUIRED_SCOPE = "access_as_user";
    public static final String DEFAULT_APP_ID_ATTRIBUTE = "mozaiks.app_id";
    /** {@code Admin} is a platform admin for .NET (case-insensitive) and nothing for core (case-sensitive). */
    public static final String DEFAULT_ROLE_ALIASES = "platform_admin:Admin";
    /** Core treats a role {@code internal_service} OR {@code service} as internal and as superadmin (rule 7). */
    public static final String DEFAULT_SERVICE_ONLY_ROLES = "internal_service,service";

    /** The client scope that carries the contract mapper in the dev realm and the docs. */
    public static final String CONTRACT_SCOPE = "access_as_user";
    /** The realm's public browser client (authorization code + PKCE S256) that the browser documents name. */
    public static final String SHELL_CLIENT = "mozaiks-shell";

    /** Keycloak's own realm roles; never part of {@code roles} (plus the realm's {@code default-roles-*}). */
    public static final Set<String> KEYCLOAK_INTERNAL_ROLES = Set.of("offline_access", "uma_authorization");

    /**
     * Never in a contract token, whatever mapper wrote them: consumers' role fallbacks
     * ({@code realm_access}, {@code resource_access}), core's control-plane claims (app and chat binding,
     * execution tokens), and the identity/privilege claims plugin-host reads before the standard ones.
     */
    public static final List<String> STRIPPED_CLAIMS = List.of("realm_access", "resource_access", "mozaiks_app_id",
            "mozaiks_token_use", "mozaiks_chat_id", "chat_id", "user_id", "uid", "username", "is_superadmin",
            // 1.2: core's capability binding, and what the contract promises no token carries (billing stays out of core).
            "mozaiks_capability_id", "capability_id", "plan", "subscription", "entitlements", "billing");

    /** Claims only the contract mapper decides on contract tokens (besides the API audience entries of aud). */
    public static final List<String> OWNED_CLAIMS = List.of(CLAIM_SCOPE, CLAIM_SCP, CLAIM_ROLES, CLAIM_TENANT,
            CLAIM_AMR, CLAIM_APP_ID, "sub", "preferred_username", "name", "email");

    /** Claims every user access token carries. */
    public static final List<String> USER_TOKEN_CLAIMS = List.of("iss", "aud", "azp", "sub", "exp", "iat",
            "preferred_username", "name", "email", CLAIM_SCOPE, CLAIM_SCP, CLAIM_ROLES, CLAIM_TENANT, CLAIM_AMR,
            CLAIM_APP_ID);

    /** Claims every service (client-credentials) access token carries; never {@code scope}/{@code scp}. */
    public static final List<String> SERVICE_TOKEN_CLAIMS = List.of("iss", "aud", "azp", "sub", "exp", "iat",
            CLAIM_ROLES, CLAIM_TENANT, CLAIM_APP_ID);

    private Contract() {
    }
}
