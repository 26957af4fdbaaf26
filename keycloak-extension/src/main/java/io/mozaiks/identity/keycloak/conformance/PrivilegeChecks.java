package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;

import java.util.List;
import java.util.stream.Collectors;

/** Checks of who is an admin or internal: the realm's privilege settings and who holds service-only roles. */
public final class PrivilegeChecks {

    public static final String PRIVILEGE_SETTINGS = "privilege-settings";
    public static final String ROLE_ALIAS = "role-alias-platform-admin";
    public static final String SERVICE_ROLE_HOLDERS = "service-role-holders";
    public static final String SINGLE_CONTRACT_MAPPER = "single-contract-mapper";
    public static final String SERVICE_ACCOUNT_INTERNAL = "service-account-internal";
    public static final String INTERNAL_SERVICE_CREDENTIALS = "internal-service-credentials";
    private static final java.util.Set<String> SECRET_AUTHENTICATORS = java.util.Set.of("client-secret", "client-secret-jwt");

    private static final String SETTINGS_FIX = "PUT <issuer>/mozaiks/contract/settings as a realm admin (manage-realm)";

    private PrivilegeChecks() {
    }

    /** @param problems parse problems plus missing references (alias sources, listed clients) */
    public static Check privilegeSettings(List<Problem> problems) {
        if (problems.isEmpty()) {
            return Check.pass(PRIVILEGE_SETTINGS, "realm");
        }
        boolean migration = problems.stream().anyMatch(p -> p.message().contains("migrate"));
        return Check.fail(PRIVILEGE_SETTINGS, "realm", "privilege settings are invalid, so tokens carry no roles and"
                        + " service tokens no API audience: " + problems.stream().map(Object::toString).collect(Collectors.joining("; ")),
                migration ? "Migrate to contract 1.1: " + SETTINGS_FIX + " with the values from the mapper, then remove "
                        + String.join(" and ", PrivilegeSettings.LEGACY_MAPPER_KEYS) + " from the contract mapper"
                        : "Correct the listed settings: " + SETTINGS_FIX);
    }

    public static Check roleAlias(PrivilegeSettings settings) {
        String alias = settings.roleAliases() == null ? null : settings.roleAliases().get("platform_admin");
        if (alias == null || !alias.equalsIgnoreCase("admin")) {
            return Check.fail(ROLE_ALIAS, "realm", "the alias platform_admin -> Admin is missing, so platform admins"
                            + " fail the .NET platform-admin policy",
                    SETTINGS_FIX + " with role_aliases including platform_admin:" + "Admin"
                            + " (" + PrivilegeSettings.ROLE_ALIASES + ", default " + Contract.DEFAULT_ROLE_ALIASES + ")");
        }
        return Check.pass(ROLE_ALIAS, "realm");
    }

    /** @param humanHolders users (not service accounts) and groups that hold a service-only role, as "user x" / "group /y" */
    public static Check serviceRoleHolders(List<String> humanHolders) {
        if (humanHolders.isEmpty()) {
            return Check.pass(SERVICE_ROLE_HOLDERS, "realm");
        }
        return Check.fail(SERVICE_ROLE_HOLDERS, "realm", "service-only roles are granted to people: "
                        + String.join(", ", humanHolders) + " (core treats internal_service and service as internal AND"
                        + " superadmin; the contract removes them from user tokens, but a consumer reading them elsewhere would not)",
                "Remove those role mappings (directly, through groups or composite roles); only service accounts hold them");
    }

    /** @param strays contract mappers that do nothing, e.g. "client app-x", "client scope mine" */
    public static Check singleContractMapper(List<String> strays) {
        if (strays.isEmpty()) {
            return Check.pass(SINGLE_CONTRACT_MAPPER, "realm");
        }
        return Check.fail(SINGLE_CONTRACT_MAPPER, "realm", "only the first contract mapper of client scope "
                        + Contract.CONTRACT_SCOPE + " counts; these do nothing: " + String.join(", ", strays),
                "Delete them; assign client scope " + Contract.CONTRACT_SCOPE + " as a Default scope instead");
    }

    /** A contract client's service account: its client-credentials tokens are internal, or rejected by every consumer. */
    public static Check serviceAccountInternal(String clientId, boolean serviceAccount, boolean holdsServiceOnlyRole,
                                               boolean listedOrNoList) {
        if (!serviceAccount || (holdsServiceOnlyRole && listedOrNoList)) {
            return Check.pass(SERVICE_ACCOUNT_INTERNAL, clientId);
        }
        String why = !holdsServiceOnlyRole ? "its service account holds no service-only role"
                : "the realm setting " + PrivilegeSettings.INTERNAL_SERVICE_CLIENTS + " does not list it";
        return Check.fail(SERVICE_ACCOUNT_INTERNAL, clientId, "client has a service account but is not an internal"
                        + " service (" + why + "): its client-credentials tokens are addressed to itself and every consumer rejects them",
                "Clients > " + clientId + ": switch the service account off, or make it internal (grant its service account"
                        + " internal_service; list it in " + PrivilegeSettings.INTERNAL_SERVICE_CLIENTS + " when the realm uses that list)");
    }

    /**
     * An internal service client that authenticates with a secret: Keycloak shows that secret to anyone
     * with realm-management view-clients, who can then mint internal (and, for core, superadmin) tokens.
     */
    public static Check internalServiceCredentials(String clientId, boolean internal, String clientAuthenticator) {
        if (!internal || !SECRET_AUTHENTICATORS.contains(clientAuthenticator)) {
            return Check.pass(INTERNAL_SERVICE_CREDENTIALS, clientId);
        }
        return Check.warn(INTERNAL_SERVICE_CREDENTIALS, clientId, "internal service client authenticates with a"
                        + " client secret, which every admin with view-clients can read and then use to mint internal tokens",
                "Clients > " + clientId + " > Credentials: use Signed JWT (private_key_jwt) or X509 certificate; or keep"
                        + " client admins away from this client (fine-grained admin permissions)");
    }
}
