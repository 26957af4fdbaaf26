package io.mozaiks.identity.consumers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The claim-reading settings of {@code Mozaiks.Auth}, read as its {@code MozaiksAuthOptions.FromEnvironment} reads
 * them (mozaiks-core {@code backend/BuildingBlocks/Mozaiks.Auth/MozaiksAuthOptions.cs}): a blank value is absent,
 * any other is trimmed; {@code AUTH_EMAIL_CLAIM} and {@code AUTH_ALLOWED_CLIENT_IDS} are comma-separated lists.
 */
record PlatformOptions(String requiredScope, List<String> allowedClientIds, String userIdClaim,
                       List<String> emailClaimCandidates, String rolesClaim, String tenantClaim, String superAdminRole) {

    static PlatformOptions fromEnv(Map<String, String> env) {
        List<String> email = csv(get(env, "AUTH_EMAIL_CLAIM"));
        return new PlatformOptions(
                get(env, "AUTH_REQUIRED_SCOPE") == null ? "" : get(env, "AUTH_REQUIRED_SCOPE"),
                csv(get(env, "AUTH_ALLOWED_CLIENT_IDS")),
                orDefault(get(env, "AUTH_USER_ID_CLAIM"), "sub"),
                email.isEmpty() ? List.of("email") : email,
                orDefault(get(env, "AUTH_ROLES_CLAIM"), "roles"),
                orDefault(get(env, "AUTH_TENANT_CLAIM"), "tid"),
                orDefault(get(env, "AUTH_SUPERADMIN_ROLE"), "SuperAdmin"));
    }

    /** {@code Normalize(Environment.GetEnvironmentVariable(key))}. */
    static String get(Map<String, String> env, String name) {
        String value = env.get(name);
        return DotnetClaims.isNullOrWhiteSpace(value) ? null : DotnetClaims.trim(value);
    }

    /** {@code ParseCsv}: split on commas, trimmed, blanks dropped, duplicates ignoring case dropped. */
    static List<String> csv(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",", -1)) {
            String item = DotnetClaims.trim(part);
            if (!item.isEmpty() && out.stream().noneMatch(kept -> OrdinalIgnoreCase.equals(kept, item))) {
                out.add(item);
            }
        }
        return List.copyOf(out);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
