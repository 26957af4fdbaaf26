package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the mapper's config map. Pure: the admin-time validation and the token-time fallback use
 * the same rules, so a config that passes one never surprises the other.
 */
public final class ContractSettingsParser {

    /** Role and client names we accept in config: no separators, no spaces, no control characters. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,255}");
    /** RFC 6749 scope-token characters. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    /** Printable, no whitespace at the ends; a tenant id is compared by string in both consumers. */
    private static final Pattern TENANT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private ContractSettingsParser() {
    }

    public static ContractSettings parse(Map<String, String> config) {
        Map<String, String> cfg = config == null ? Map.of() : config;
        List<Problem> problems = new ArrayList<>();

        List<String> audiences = parseNames(cfg, ContractSettings.AUDIENCE, Contract.DEFAULT_AUDIENCE, problems);
        if (audiences != null && audiences.isEmpty()) {
            problems.add(new Problem(ContractSettings.AUDIENCE, "at least one audience client is required"));
            audiences = null;
        }

        String requiredScope = value(cfg, ContractSettings.REQUIRED_SCOPE, Contract.DEFAULT_REQUIRED_SCOPE);
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

        String appIdAttribute = value(cfg, ContractSettings.APP_ID_ATTRIBUTE, Contract.DEFAULT_APP_ID_ATTRIBUTE);
        if (!NAME.matcher(appIdAttribute).matches()) {
            problems.add(new Problem(ContractSettings.APP_ID_ATTRIBUTE,
                    "\"" + printable(appIdAttribute) + "\" is not a valid attribute name (letters, digits, _ . -)"));
            appIdAttribute = null;
        }

        return new ContractSettings(audiences, requiredScope, tenant, appIdAttribute, List.copyOf(problems));
    }

    private static List<String> parseNames(Map<String, String> cfg, String key, String fallback, List<Problem> problems) {
        return names(value(cfg, key, fallback), key, problems);
    }

    /** A comma-separated list of names, duplicates dropped; {@code null} with a problem when one is invalid. */
    static List<String> names(String raw, String key, List<Problem> problems) {
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

    /** A role, client or attribute name as config accepts it. */
    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
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
    public static String printable(String value) {
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
