package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How core's runtime reads a decoded payload, exact lowercase names and Python truthiness, following mozaiks-core
 * {@code mozaiks_ai/runtime/auth/jwt_validator.py} {@code JWTValidator.validate_token} with its helpers
 * {@code _get_nested_claim}, {@code _coerce_roles} and {@code _extract_keycloak_roles}.
 */
final class CoreClaims {

    private CoreClaims() {
    }

    /** The principal core builds; {@code userId} null = core answers 401 ({@code if not user_id}). */
    static Principal principal(CoreOptions options, JWTClaimsSet claims) {
        Object userId = claims.getClaim(options.userIdClaim());
        Object email = claims.getClaim(options.emailClaim());
        Object tenant = claims.getClaim("tid");
        Object client = PythonTruth.firstTruthy(claims, "azp", "appid", "client_id");
        Object capability = PythonTruth.firstTruthy(claims, "mozaiks_capability_id", "capability_id");
        return new Principal(PythonTruth.truthy(userId) ? String.valueOf(userId) : null,
                PythonTruth.truthy(email) ? String.valueOf(email) : null, roles(options.rolesClaim(), claims),
                scopes(claims), tenant == null ? null : String.valueOf(tenant),
                client == null ? null : String.valueOf(client), capability == null ? null : String.valueOf(capability), claims);
    }

    /** The roles claim (a dot path only when the name has a dot), else Keycloak's realm and client roles. */
    static List<String> roles(String rolesClaim, JWTClaimsSet claims) {
        Object value;
        if (rolesClaim.contains(".")) {
            value = claims.toJSONObject();
            for (String part : rolesClaim.split("\\.", -1)) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
        } else {
            value = claims.getClaim(rolesClaim);
        }
        List<String> roles = coerceRoles(value);
        if (!roles.isEmpty()) {
            return roles;
        }
        Set<String> fallback = new LinkedHashSet<>();
        if (claims.getClaim("realm_access") instanceof Map<?, ?> realmAccess) {
            fallback.addAll(coerceRoles(realmAccess.get("roles")));
        }
        if (claims.getClaim("resource_access") instanceof Map<?, ?> resourceAccess) {
            for (Object client : resourceAccess.values()) {
                if (client instanceof Map<?, ?> clientAccess) {
                    fallback.addAll(coerceRoles(clientAccess.get("roles")));
                }
            }
        }
        return List.copyOf(fallback);
    }

    /**
     * {@code _coerce_roles}: a list keeps its str and int items (a JSON true is a Python int: "True"), stripped;
     * a string is split on commas when it has one, else on spaces.
     */
    static List<String> coerceRoles(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String text = item instanceof Boolean b ? (b ? "True" : "False")
                        : item instanceof String || item instanceof Integer || item instanceof Long ? String.valueOf(item).strip() : "";
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
        } else if (value instanceof String text && !text.isBlank()) {
            String raw = text.strip();
            String separator = raw.contains(",") ? "," : raw.contains(" ") ? " " : null;
            for (String part : separator == null ? new String[] {raw} : raw.split(separator, -1)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** {@code scp} when present (even empty), else {@code scope}; a string split on white space, a list as it is. */
    static List<String> scopes(JWTClaimsSet claims) {
        Object raw = claims.getClaim("scp");
        return splitScopes(raw != null ? raw : claims.getClaim("scope"));
    }

    /** A scope claim's value: a string split on white space, a list as it is. */
    static List<String> splitScopes(Object raw) {
        List<String> out = new ArrayList<>();
        if (raw instanceof String text) {
            for (String part : text.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else if (raw instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        }
        return out;
    }
}
