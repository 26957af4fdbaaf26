package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the mapper's config map. Pure: the admin-time validation and the token-time fallback use
 * the same rules, so a config that passes one never surprises the other.
 */
public final class ContractSettingsParser {

    /** Role and client names we accept in config: no separators, no spaces, no control characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,255}");
    /** RFC 6749 scope-token characters. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    /** Printable, no whitespace at the ends; a tenant id is compared by string in both consumers. */
    private static final Pattern TENANT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Value of {@link ContractSettings#ROLE_ALIASES} that means: no aliases at all. */
    public static final String NO_ALIASES = "none";

    private ContractSettingsParser() {
    }

    public static ContractSettings parse(Map<String, String> config) {
        Map<String, String> cfg = config == null ? Map.of() : config;
        List<Problem> problems = new ArrayList<>();

        List<String> audiences = parseNames(cfg, ContractSettings.AUDIENCE, ContractV1.DEFAULT_AUDIENCE, problems);
        if (audiences != null && audiences.isEmpty()) {
            problems.add(new Problem(ContractSettings.AUDIENCE, "at least one audience client is required"));
            audiences = null;
        }

        String requiredScope = value(cfg, ContractSettings.REQUIRED_SCOPE, ContractV1.DEFAULT_REQUIRED_SCOPE);
        if (!SCOPE_TOKEN.matcher(requiredScope).matches()) {
            problems.add(new Problem(ContractSettings.REQUIRED_SCOPE,
                    "\"" + printable(requiredScope) + "\" is not a single OAuth scope token (no spaces or quotes)"));
            requiredScope = null;
        }

        String tenant = cfg.get(ContractSettings.TENANT);
        if (tenant != null && tenant.isBlank()) {
            tenant = null; // blank = the realm name
        } else if (tenant != null && !TENANT.matcher(tenant).matches()) {
            problems.add(new Problem(ContractSettings.TENANT,
                    "\"" + printable(tenant) + "\" must be 1-255 printable characters without spaces"));
            tenant = null; // callers see hasProblem(TENANT) and omit tid instead of guessing the realm name
        }

        String appIdAttribute = value(cfg, ContractSettings.APP_ID_ATTRIBUTE, ContractV1.DEFAULT_APP_ID_ATTRIBUTE);
        if (!NAME.matcher(appIdAttribute).matches()) {
            problems.add(new Problem(ContractSettings.APP_ID_ATTRIBUTE,
                    "\"" + printable(appIdAttribute) + "\" is not a valid attribute name (letters, digits, _ . -)"));
            appIdAttribute = null;
        }

        List<String> serviceOnly = parseNames(cfg, ContractSettings.SERVICE_ONLY_ROLES,
                ContractV1.DEFAULT_SERVICE_ONLY_ROLES, problems);
        Set<String> serviceOnlyRoles = serviceOnly == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(serviceOnly));

        Map<String, String> aliases = parseAliases(cfg, serviceOnlyRoles, problems);

        return new ContractSettings(audiences, requiredScope, tenant, appIdAttribute, aliases, serviceOnlyRoles,
                List.copyOf(problems));
    }

    private static Map<String, String> parseAliases(Map<String, String> cfg, Set<String> serviceOnlyRoles,
                                                    List<Problem> problems) {
        String raw = value(cfg, ContractSettings.ROLE_ALIASES, ContractV1.DEFAULT_ROLE_ALIASES);
        Map<String, String> aliases = new LinkedHashMap<>();
        // The admin console drops blank values (the default then comes back), so "none" switches aliases off.
        if (raw.isBlank() || NO_ALIASES.equalsIgnoreCase(raw)) {
            return aliases;
        }
        for (String pair : raw.split(",")) {
            String[] parts = pair.trim().split(":", -1);
            if (parts.length != 2 || !NAME.matcher(parts[0].trim()).matches() || !NAME.matcher(parts[1].trim()).matches()) {
                problems.add(new Problem(ContractSettings.ROLE_ALIASES,
                        "\"" + printable(pair.trim()) + "\" is not of the form role:alias (e.g. platform_admin:admin)"));
                return null;
            }
            String alias = parts[1].trim();
            // An alias must never grant what the role filter removes: that would reopen the hole it closes.
            if (ContractV1.KEYCLOAK_INTERNAL_ROLES.contains(alias) || alias.startsWith("default-roles-")
                    || (serviceOnlyRoles != null && serviceOnlyRoles.contains(alias))) {
                problems.add(new Problem(ContractSettings.ROLE_ALIASES,
                        "alias \"" + alias + "\" names an internal or service-only role"));
                return null;
            }
            aliases.put(parts[0].trim(), alias);
        }
        return Collections.unmodifiableMap(aliases);
    }

    private static List<String> parseNames(Map<String, String> cfg, String key, String fallback, List<Problem> problems) {
        String raw = value(cfg, key, fallback);
        List<String> names = new ArrayList<>();
        for (String part : raw.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(new Problem(key, "\"" + printable(name) + "\" is not a valid name (letters, digits, _ . -)"));
                return null;
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static String value(Map<String, String> cfg, String key, String fallback) {
        String value = cfg.get(key);
        return value == null ? fallback : value.trim();
    }

    /**
     * Config text echoed in messages: control characters made visible (no log injection), and the
     * characters java.text.MessageFormat treats as syntax ({@code ' { }}) escaped, because Keycloak's
     * admin API formats the message and would answer 500 on a stray brace.
     */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp) || cp == '\'' || cp == '{' || cp == '}') {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
