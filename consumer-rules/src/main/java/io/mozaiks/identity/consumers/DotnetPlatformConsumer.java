package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * mozaiks-platform's {@code Mozaiks.Auth} (ASP.NET JwtBearer, MapInboundClaims=false), rule for rule
 * from shared/consumers.md: the {@code Bearer} (user) and {@code InternalBearer} (service) schemes.
 */
public final class DotnetPlatformConsumer {

    private static final long CLOCK_SKEW_SECONDS = 120;

    private final SignatureCheck signature;
    private final String issuer;
    private final String audience;
    private final String requiredScope;
    private final Set<String> allowedClientIds;
    private final String userIdClaim;
    private final String emailClaim;
    private final String rolesClaim;
    private final String tenantClaim;
    private final String superAdminRole;

    private DotnetPlatformConsumer(Map<String, String> variables) {
        ConsumerEnv env = new ConsumerEnv(variables);
        if (!"jwt".equals(env.get("AUTH_PROVIDER", "ciam"))) {
            throw new IllegalArgumentException("AUTH_PROVIDER must be jwt for Keycloak");
        }
        this.issuer = env.required("AUTH_ISSUER");
        this.signature = new SignatureCheck(ConsumerEnv.url(env.required("AUTH_JWKS_URL")), Set.of("RS256"));
        this.audience = env.required("AUTH_AUDIENCE");
        if (audience.contains(",") || audience.contains(" ")) {
            throw new IllegalArgumentException("AUTH_AUDIENCE must be ONE audience");
        }
        this.requiredScope = env.required("AUTH_REQUIRED_SCOPE");
        String allowed = env.get("AUTH_ALLOWED_CLIENT_IDS", "");
        this.allowedClientIds = Arrays.stream(allowed.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        this.userIdClaim = env.get("AUTH_USER_ID_CLAIM", "sub");
        this.emailClaim = env.get("AUTH_EMAIL_CLAIM", "email");
        this.rolesClaim = env.get("AUTH_ROLES_CLAIM", "roles");
        this.tenantClaim = env.get("AUTH_TENANT_CLAIM", "tid");
        this.superAdminRole = env.get("AUTH_SUPERADMIN_ROLE", "SuperAdmin");
    }

    public static DotnetPlatformConsumer fromEnv(Map<String, String> env) {
        return new DotnetPlatformConsumer(env);
    }

    /** {@code Bearer}: the first {@code scp} claim (else the first {@code scope}) must hold the required scope. */
    public Principal bearer(String token) throws Rejected {
        Principal principal = validate(token);
        if (principal.scopes().stream().noneMatch(s -> s.equalsIgnoreCase(requiredScope))) {
            throw new Rejected(403, Rule.SCOPE_MISSING, "required scope " + requiredScope + " not in " + principal.scopes());
        }
        return principal;
    }

    /** {@code InternalBearer}: any scope at all in scp or scope means a delegated user token: refused. */
    public Principal internalBearer(String token) throws Rejected {
        Principal principal = validate(token);
        JWTClaimsSet claims = principal.claims();
        if (!ConsumerEnv.listOrSplit(claims.getClaim("scp"), " ").isEmpty()
                || !ConsumerEnv.listOrSplit(claims.getClaim("scope"), " ").isEmpty()) {
            throw new Rejected(401, Rule.USER_TOKEN_ON_INTERNAL, "internal service tokens must not be delegated user tokens");
        }
        return principal;
    }

    public boolean isSuperAdmin(Principal principal) {
        return principal.hasRoleIgnoreCase(superAdminRole);
    }

    public boolean isPlatformAdmin(Principal principal) {
        return isSuperAdmin(principal) || principal.hasRoleIgnoreCase("Admin");
    }

    public static boolean hasMfa(Principal principal) {
        JWTClaimsSet claims = principal.claims();
        List<String> amr = ConsumerEnv.listOrSplit(claims.getClaim("amr"), " ");
        Object acr = claims.getClaim("acr");
        return amr.contains("mfa") || (acr != null && String.valueOf(acr).contains("mfa"));
    }

    /** Display name: name, else given + family name, else preferred_username. */
    public static String displayName(Principal principal) {
        JWTClaimsSet claims = principal.claims();
        Object name = claims.getClaim("name");
        if (name != null) {
            return String.valueOf(name);
        }
        Object given = claims.getClaim("given_name");
        Object family = claims.getClaim("family_name");
        if (given != null || family != null) {
            return ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        }
        return (String) claims.getClaim("preferred_username");
    }

    private Principal validate(String token) throws Rejected {
        SignedJWT jwt = signature.verify(token, false);
        JWTClaimsSet claims = SignatureCheck.registeredClaims(jwt, issuer, audience, CLOCK_SKEW_SECONDS);
        String client = first(claims, "azp", "appid", "client_id");
        if (!allowedClientIds.isEmpty() && (client == null || !allowedClientIds.contains(client))) {
            throw new Rejected(401, Rule.CLIENT_NOT_ALLOWED, "client " + client + " not in AUTH_ALLOWED_CLIENT_IDS");
        }
        Object userId = claims.getClaim(userIdClaim);
        Object email = claims.getClaim(emailClaim);
        // A JSON array becomes several claims of one type; JwtBearer then reads only the FIRST scp/scope.
        String firstScope = first(claims, "scp", "scope");
        List<String> scopes = firstScope == null ? List.of()
                : Arrays.stream(firstScope.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        List<String> roles = ConsumerEnv.listOrSplit(claims.getClaim(rolesClaim), "\u0000");
        return new Principal(userId == null ? null : String.valueOf(userId), email == null ? null : String.valueOf(email),
                roles, scopes, (String) claims.getClaim(tenantClaim), client, claims);
    }

    /** The first claim instance of the first name present (first element of an array). */
    private static String first(JWTClaimsSet claims, String... names) {
        for (String name : names) {
            Object value = claims.getClaim(name);
            if (value instanceof List<?> list) {
                if (!list.isEmpty()) {
                    return String.valueOf(list.get(0));
                }
            } else if (value != null) {
                return String.valueOf(value);
            }
        }
        return null;
    }
}
