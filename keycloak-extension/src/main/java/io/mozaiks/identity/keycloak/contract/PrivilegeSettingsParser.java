package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses {@link PrivilegeSettings} from realm attributes. Pure, and the same rules at every door: the
 * settings endpoint (before writing), the token (raw attributes, since Keycloak has no validation hook
 * for realm attributes) and the conformance report.
 *
 * <p>Alias targets can never mint privilege that Keycloak did not grant: never {@code superadmin} (any
 * case), never a service-only, internal or Keycloak role, and lowercase {@code admin} (core's superadmin)
 * only behind {@link PrivilegeSettings#CORE_ADMIN_ALIAS}.
 */
public final class PrivilegeSettingsParser {

    /** Core's own internal role names (rule 7): never alias targets, whatever the service-only list says. */
    static final Set<String> CORE_INTERNAL_ROLES = Set.of("internal_service", "service");
    private static final String CORE_ADMIN = "admin";

    private PrivilegeSettingsParser() {
    }

    /**
     * @param realmAttributes the realm's attributes (absent keys take the contract defaults)
     * @param mapperConfig    the contract mapper's config: a contract 1.0 privilege key there without the
     *                        realm attribute fails closed until migrated
     */
    public static PrivilegeSettings parse(Map<String, String> realmAttributes, Map<String, String> mapperConfig) {
        Map<String, String> attrs = realmAttributes == null ? Map.of() : realmAttributes;
        List<Problem> problems = new ArrayList<>();

        Boolean coreAdmin = parseFlag(attrs.get(PrivilegeSettings.CORE_ADMIN_ALIAS), problems);

        List<String> serviceOnly = ContractSettingsParser.names(
                value(attrs, PrivilegeSettings.SERVICE_ONLY_ROLES, Contract.DEFAULT_SERVICE_ONLY_ROLES),
                PrivilegeSettings.SERVICE_ONLY_ROLES, problems);
        if (serviceOnly != null && serviceOnly.stream().noneMatch(CORE_INTERNAL_ROLES::contains)) {
            problems.add(new Problem(PrivilegeSettings.SERVICE_ONLY_ROLES, "must contain internal_service or service"
                    + " (core treats both as internal services and as superadmin)"));
            serviceOnly = null;
        }
        Set<String> serviceOnlyRoles = serviceOnly == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(serviceOnly));

        List<String> clients = ContractSettingsParser.names(value(attrs, PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, ""),
                PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, problems);
        Set<String> internalClients = clients == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(clients));

        Map<String, String> aliases = parseAliases(value(attrs, PrivilegeSettings.ROLE_ALIASES,
                Contract.DEFAULT_ROLE_ALIASES), serviceOnlyRoles, Boolean.TRUE.equals(coreAdmin), problems);

        Map<String, String> mapper = mapperConfig == null ? Map.of() : mapperConfig;
        for (String key : PrivilegeSettings.LEGACY_MAPPER_KEYS) {
            if (mapper.get(key) != null && attrs.get(key) == null) {
                problems.add(new Problem(key, "is set in the contract mapper (contract 1.0) but not as a realm attribute;"
                        + " migrate: PUT <issuer>/mozaiks/contract/settings with the values, then remove the key from the mapper"));
                if (key.equals(PrivilegeSettings.ROLE_ALIASES)) {
                    aliases = null;
                } else {
                    serviceOnlyRoles = null;
                }
            }
        }
        return new PrivilegeSettings(aliases, serviceOnlyRoles, internalClients, Boolean.TRUE.equals(coreAdmin),
                List.copyOf(problems));
    }

    /**
     * What only the live realm can tell: alias sources and listed internal clients must exist. Checked
     * before writing; at token time a missing source simply never matches.
     */
    public static List<Problem> missingReferences(PrivilegeSettings settings, Predicate<String> realmRoleExists,
                                                  Predicate<String> clientExists) {
        List<Problem> problems = new ArrayList<>();
        if (settings.roleAliases() != null) {
            settings.roleAliases().keySet().stream().filter(role -> !realmRoleExists.test(role)).forEach(role ->
                    problems.add(new Problem(PrivilegeSettings.ROLE_ALIASES, "source role \""
                            + ContractSettingsParser.printable(role) + "\" is not a realm role")));
        }
        if (settings.internalServiceClients() != null) {
            settings.internalServiceClients().stream().filter(id -> !clientExists.test(id)).forEach(id ->
                    problems.add(new Problem(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "client \""
                            + ContractSettingsParser.printable(id) + "\" does not exist")));
        }
        return problems;
    }

    private static Map<String, String> parseAliases(String raw, Set<String> serviceOnlyRoles, boolean coreAdminAllowed,
                                                    List<Problem> problems) {
        Map<String, String> aliases = new LinkedHashMap<>();
        if (raw.isBlank() || PrivilegeSettings.NO_ALIASES.equalsIgnoreCase(raw)) {
            return Collections.unmodifiableMap(aliases);
        }
        for (String pair : raw.split(",")) {
            String[] parts = pair.trim().split(":", -1);
            if (parts.length != 2 || !ContractSettingsParser.NAME.matcher(parts[0].trim()).matches()
                    || !ContractSettingsParser.NAME.matcher(parts[1].trim()).matches()) {
                return refuse(problems, "\"" + ContractSettingsParser.printable(pair.trim())
                        + "\" is not of the form role:alias (e.g. platform_admin:Admin)");
            }
            String source = parts[0].trim();
            String target = parts[1].trim();
            String why = forbiddenTarget(target, serviceOnlyRoles, coreAdminAllowed);
            if (why != null) {
                return refuse(problems, "alias target \"" + target + "\" " + why);
            }
            if (aliases.putIfAbsent(source, target) != null) {
                return refuse(problems, "role \"" + source + "\" has more than one alias");
            }
        }
        return Collections.unmodifiableMap(aliases);
    }

    /** Why {@code target} may not be an alias target, or {@code null} when it may. */
    static String forbiddenTarget(String target, Set<String> serviceOnlyRoles, boolean coreAdminAllowed) {
        String lower = PrivilegeSettings.lower(target);
        if (lower.equals("superadmin")) {
            return "is superadmin for every consumer (any case); grant the role superadmin in Keycloak instead";
        }
        if (CORE_INTERNAL_ROLES.contains(lower)
                || (serviceOnlyRoles != null && serviceOnlyRoles.stream().anyMatch(r -> r.equalsIgnoreCase(target)))) {
            return "is an internal or service-only role";
        }
        if (Contract.KEYCLOAK_INTERNAL_ROLES.contains(lower) || lower.startsWith("default-roles-")) {
            return "is one of Keycloak's internal roles";
        }
        if (target.equals(CORE_ADMIN) && !coreAdminAllowed) {
            return "is superadmin for mozaiks-core (admin, case-sensitive); use Admin (platform admin for .NET only),"
                    + " or set the realm attribute " + PrivilegeSettings.CORE_ADMIN_ALIAS + "=true to grant core superadmin";
        }
        return null;
    }

    private static Map<String, String> refuse(List<Problem> problems, String message) {
        problems.add(new Problem(PrivilegeSettings.ROLE_ALIASES, message));
        return null;
    }

    private static Boolean parseFlag(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        if (raw.trim().equalsIgnoreCase("true") || raw.trim().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw.trim());
        }
        problems.add(new Problem(PrivilegeSettings.CORE_ADMIN_ALIAS, "\"" + ContractSettingsParser.printable(raw)
                + "\" is not true or false"));
        return null;
    }

    private static String value(Map<String, String> attrs, String key, String fallback) {
        String value = attrs.get(key);
        return value == null ? fallback : value.trim();
    }
}
