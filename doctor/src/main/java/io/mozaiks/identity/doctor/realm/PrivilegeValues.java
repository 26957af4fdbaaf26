package io.mozaiks.identity.doctor.realm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The realm's privilege settings as the extension's settings endpoint takes them ({@code PUT <issuer>/mozaiks/
 * contract/settings}) and stores them (realm attributes, docs/configuration.md). The planner compares the stored
 * strings; the apply sends {@link #body()} to that endpoint, the only door that validates them.
 */
public record PrivilegeValues(Map<String, String> roleAliases, List<String> serviceOnlyRoles,
                              List<String> internalServiceClients, boolean coreAdminAlias) {

    /** The extension's name rule ({@code ContractSettingsParser.NAME}). */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,255}");

    public PrivilegeValues {
        roleAliases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roleAliases));
        serviceOnlyRoles = List.copyOf(serviceOnlyRoles);
        internalServiceClients = List.copyOf(internalServiceClients);
    }

    /** The realm attributes exactly as the endpoint writes them for these values. */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ContractNames.ROLE_ALIASES, roleAliases.isEmpty() ? ContractNames.NO_ALIASES
                : String.join(",", roleAliases.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList()));
        attributes.put(ContractNames.SERVICE_ONLY_ROLES, String.join(",", serviceOnlyRoles));
        attributes.put(ContractNames.INTERNAL_SERVICE_CLIENTS, String.join(",", internalServiceClients));
        attributes.put(ContractNames.CORE_ADMIN_ALIAS, String.valueOf(coreAdminAlias));
        return attributes;
    }

    /** The endpoint's JSON body. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role_aliases", roleAliases);
        body.put("service_only_roles", serviceOnlyRoles);
        body.put("internal_service_clients", internalServiceClients);
        body.put("core_admin_alias", coreAdminAlias);
        return body;
    }

    /** Whether the realm's stored attributes already say exactly this. */
    public boolean storedIn(Map<String, String> realmAttributes) {
        return attributes().entrySet().stream().allMatch(e -> e.getValue().equals(realmAttributes.get(e.getKey())));
    }

    /** A stored aliases value ({@code a:B,c:D} or {@code none}); refused when unreadable (the operator then passes it). */
    static Map<String, String> parseAliases(String raw) {
        Map<String, String> aliases = new LinkedHashMap<>();
        if (raw == null || raw.isBlank() || ContractNames.NO_ALIASES.equalsIgnoreCase(raw.strip())) {
            return aliases;
        }
        for (String pair : raw.split(",")) {
            String[] parts = pair.strip().split(":", -1);
            if (parts.length != 2 || !NAME.matcher(parts[0].strip()).matches() || !NAME.matcher(parts[1].strip()).matches()
                    || aliases.putIfAbsent(parts[0].strip(), parts[1].strip()) != null) {
                throw new PlanRefused("the realm attribute " + ContractNames.ROLE_ALIASES + " cannot be read (\""
                        + Printable.of(pair) + "\"); pass the aliases with --role-alias ROLE=ALIAS");
            }
        }
        return aliases;
    }

    /** A stored name list ({@code a,b}); refused when a name is not one. */
    static List<String> parseNames(String raw, String attribute, String option) {
        List<String> names = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return names;
        }
        for (String name : Arrays.stream(raw.split(",")).map(String::strip).toList()) {
            if (!NAME.matcher(name).matches()) {
                throw new PlanRefused("the realm attribute " + attribute + " cannot be read (\"" + Printable.of(name)
                        + "\"); pass the values with " + option);
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Why {@code target} may not be an alias target (the extension's {@code PrivilegeSettingsParser.forbiddenTarget}), or null. */
    static String forbiddenTarget(String target, List<String> serviceOnlyRoles, boolean coreAdminAllowed) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.equals("superadmin")) {
            return "is superadmin for every consumer (any case); grant the role superadmin in Keycloak instead";
        }
        if (ContractNames.CORE_INTERNAL_ROLES.contains(lower) || serviceOnlyRoles.stream().anyMatch(r -> r.equalsIgnoreCase(target))) {
            return "is an internal or service-only role";
        }
        if (lower.equals("offline_access") || lower.equals("uma_authorization") || lower.startsWith("default-roles-")) {
            return "is one of Keycloak's internal roles";
        }
        if (target.equals("admin") && !coreAdminAllowed) {
            return "is superadmin for mozaiks-core (admin, case-sensitive); use Admin (platform admin for .NET only),"
                    + " or pass --core-admin-alias to grant core superadmin";
        }
        return null;
    }
}
