package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is an admin or an internal service, for every consumer: realm attributes, so only a realm admin
 * ({@code manage-realm}) can change them; a client admin can edit mappers but not these. Parsed by
 * {@link PrivilegeSettingsParser}; a value that failed is {@code null} and listed in {@link #problems()},
 * and the token side then fails closed (no {@code roles}, no API audience on service tokens).
 *
 * @param roleAliases            realm role -> extra role name added beside it
 * @param serviceOnlyRoles       realm roles that only client-credentials tokens carry
 * @param internalServiceClients client ids whose service tokens are internal; empty = any client whose
 *                               service account holds a service-only role
 * @param coreAdminAlias         whether an alias may target lowercase {@code admin} (core superadmin)
 * @param serviceOnlyKeys        derived: the service-only roles and core's internal role names in lower case,
 *                               {@code null} with {@code serviceOnlyRoles}; {@link #isServiceOnly} runs per role and
 *                               token, so it is one hash lookup (toLowerCase returns a lower-case name itself)
 */
public record PrivilegeSettings(Map<String, String> roleAliases, Set<String> serviceOnlyRoles,
                                Set<String> internalServiceClients, boolean coreAdminAlias, List<Problem> problems,
                                Set<String> serviceOnlyKeys) {

    public PrivilegeSettings(Map<String, String> roleAliases, Set<String> serviceOnlyRoles,
                             Set<String> internalServiceClients, boolean coreAdminAlias, List<Problem> problems) {
        this(roleAliases, serviceOnlyRoles, internalServiceClients, coreAdminAlias, problems, keys(serviceOnlyRoles));
    }

    private static Set<String> keys(Set<String> serviceOnlyRoles) {
        if (serviceOnlyRoles == null) {
            return null;
        }
        Set<String> keys = new java.util.HashSet<>(PrivilegeSettingsParser.CORE_INTERNAL_ROLES);
        serviceOnlyRoles.forEach(role -> keys.add(lower(role)));
        return Set.copyOf(keys);
    }

    public static final String ROLE_ALIASES = "mozaiks.role.aliases";
    public static final String SERVICE_ONLY_ROLES = "mozaiks.service.only.roles";
    public static final String INTERNAL_SERVICE_CLIENTS = "mozaiks.internal.service.clients";
    public static final String CORE_ADMIN_ALIAS = "mozaiks.role.alias.core-admin";

    /** Every realm attribute this record is read from. */
    public static final List<String> ATTRIBUTES = List.of(ROLE_ALIASES, SERVICE_ONLY_ROLES, INTERNAL_SERVICE_CLIENTS,
            CORE_ADMIN_ALIAS);

    /** The keys that were mapper settings in contract 1.0 and are refused there since 1.1. */
    public static final List<String> LEGACY_MAPPER_KEYS = List.of(ROLE_ALIASES, SERVICE_ONLY_ROLES);

    /** Value of {@link #ROLE_ALIASES} that means: no aliases at all. */
    public static final String NO_ALIASES = "none";

    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * Service-only roles compare without case: a user role {@code Service} is no less suspicious. Core's own
     * internal role names are service-only whatever the list says: core treats either as internal AND superadmin.
     */
    public boolean isServiceOnly(String role) {
        return serviceOnlyKeys != null && serviceOnlyKeys.contains(lower(role));
    }

    /** Empty list = every client whose service account holds a service-only role is internal. */
    public boolean mayBeInternal(String clientId) {
        return internalServiceClients != null
                && (internalServiceClients.isEmpty() || internalServiceClients.contains(clientId));
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
