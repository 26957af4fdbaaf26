package io.mozaiks.identity.keycloak.contract;

import java.util.List;
import java.util.Set;

/**
 * The names fixed by contract v1 (docs/contracts/auth-claims-v1.md). Claim names are the contract
 * itself and are not configurable; only values are (see {@link ContractSettings}).
 */
public final class ContractV1 {

    public static final String VERSION = "1";

    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_SCP = "scp";
    public static final String CLAIM_SCOPE = "scope";
    public static final String CLAIM_TENANT = "tid";
    public static final String CLAIM_AMR = "amr";
    public static final String CLAIM_APP_ID = "app_id";

    public static final String DEFAULT_AUDIENCE = "mozaiks-api";
    public static final String DEFAULT_REQUIRED_SCOPE = "access_as_user";
    public static final String DEFAULT_APP_ID_ATTRIBUTE = "mozaiks.app_id";
    public static final String DEFAULT_ROLE_ALIASES = "platform_admin:admin";
    public static final String DEFAULT_SERVICE_ONLY_ROLES = "internal_service";

    /** The client scope that carries the contract mapper in the dev realm and the docs. */
    public static final String CONTRACT_SCOPE = "access_as_user";

    /** Keycloak's own realm roles; never part of {@code roles} (plus the realm's {@code default-roles-*}). */
    public static final Set<String> KEYCLOAK_INTERNAL_ROLES = Set.of("offline_access", "uma_authorization");

    /** Claims every user access token carries. */
    public static final List<String> USER_TOKEN_CLAIMS = List.of("iss", "aud", "azp", "sub", "exp", "iat",
            "preferred_username", "name", "email", CLAIM_SCOPE, CLAIM_SCP, CLAIM_ROLES, CLAIM_TENANT, CLAIM_AMR,
            CLAIM_APP_ID);

    /** Claims every service (client-credentials) access token carries; never {@code scope}/{@code scp}. */
    public static final List<String> SERVICE_TOKEN_CLAIMS = List.of("iss", "aud", "azp", "sub", "exp", "iat",
            CLAIM_ROLES, CLAIM_TENANT, CLAIM_APP_ID);

    private ContractV1() {
    }
}
