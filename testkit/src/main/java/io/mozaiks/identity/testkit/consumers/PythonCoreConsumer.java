package io.mozaiks.identity.testkit.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mozaiks-core's runtime check (PyJWT), rule for rule from shared/consumers.md, configured by the
 * same environment variables with the same defaults.
 */
public final class PythonCoreConsumer {

    private final SignatureCheck signature;
    private final String issuer;
    private final String audience;
    private final String requiredScope;
    private final String userIdClaim;
    private final String emailClaim;
    private final String rolesClaim;
    private final long leeway;
    private final boolean scpOnly;

    private PythonCoreConsumer(Map<String, String> variables, boolean scpOnly) {
        ConsumerEnv env = new ConsumerEnv(variables);
        String iss = env.get("AUTH_ISSUER", null);
        String jwks = env.get("AUTH_JWKS_URL", null);
        if (iss == null || jwks == null) {
            String discovery = env.get("MOZAIKS_OIDC_DISCOVERY_URL", null);
            if (discovery == null) {
                throw new IllegalArgumentException("MOZAIKS_OIDC_DISCOVERY_URL is empty: core would build an Entra CIAM URL");
            }
            String[] found = ConsumerEnv.discover(discovery);
            iss = iss != null ? iss : found[0];
            jwks = jwks != null ? jwks : found[1];
        }
        this.issuer = iss;
        this.signature = new SignatureCheck(ConsumerEnv.url(jwks), Set.of(env.get("AUTH_ALGORITHMS", "RS256").split(",")));
        this.audience = env.get("AUTH_AUDIENCE", "api://mozaiks-auth");
        this.requiredScope = env.get("AUTH_REQUIRED_SCOPE", "access_as_user");
        this.userIdClaim = env.get("AUTH_USER_ID_CLAIM", "sub");
        this.emailClaim = env.get("AUTH_EMAIL_CLAIM", "email");
        this.rolesClaim = env.get("AUTH_ROLES_CLAIM", "roles");
        this.leeway = Long.parseLong(env.get("AUTH_CLOCK_SKEW", "120"));
        this.scpOnly = scpOnly;
    }

    public static PythonCoreConsumer fromEnv(Map<String, String> env) {
        return new PythonCoreConsumer(env, false);
    }

    /** The newer runtime that reads scopes ONLY from {@code scp}. */
    public static PythonCoreConsumer successorFromEnv(Map<String, String> env) {
        return new PythonCoreConsumer(env, true);
    }

    /** A user endpoint: valid token, {@code sub}, and the required scope (else 403). */
    public Principal user(String token) throws Rejected {
        Principal principal = authenticate(token);
        if (!principal.scopes().contains(requiredScope)) {
            throw new Rejected(403, "required scope " + requiredScope + " not in " + principal.scopes());
        }
        return principal;
    }

    /** An internal endpoint: tokens that carry the user scope are refused; optionally the internal_service role. */
    public Principal internal(String token, boolean requireInternalServiceRole) throws Rejected {
        Principal principal = authenticate(token);
        if (principal.scopes().contains(requiredScope)) {
            throw new Rejected(403, "internal endpoint refuses delegated user tokens");
        }
        if (requireInternalServiceRole && !principal.hasRole("internal_service")) {
            throw new Rejected(403, "role internal_service missing from " + principal.roles());
        }
        return principal;
    }

    /** Admin checks are case-sensitive here: {@code superadmin} or {@code admin}. */
    public static boolean isAdmin(Principal principal) {
        return principal.hasRole("superadmin") || principal.hasRole("admin");
    }

    private Principal authenticate(String token) throws Rejected {
        SignedJWT jwt = signature.verify(token, true);
        JWTClaimsSet claims = SignatureCheck.registeredClaims(jwt, issuer, audience, leeway);
        Object userId = claims.getClaim(userIdClaim);
        if (userId == null) {
            throw new Rejected(401, "claim " + userIdClaim + " missing");
        }
        Object email = claims.getClaim(emailClaim);
        String client = firstString(claims, "azp", "appid", "client_id");
        return new Principal(String.valueOf(userId), email == null ? null : String.valueOf(email), roles(claims),
                scopes(claims), (String) claims.getClaim("tid"), client, claims);
    }

    private List<String> roles(JWTClaimsSet claims) {
        Object value = claims.toJSONObject();
        for (String part : rolesClaim.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> roles = ConsumerEnv.listOrSplit(value, ", ");
        if (!roles.isEmpty()) {
            return roles;
        }
        List<String> fallback = new ArrayList<>();
        if (claims.getClaim("realm_access") instanceof Map<?, ?> realmAccess) {
            fallback.addAll(ConsumerEnv.listOrSplit(realmAccess.get("roles"), ", "));
        }
        if (claims.getClaim("resource_access") instanceof Map<?, ?> resourceAccess) {
            for (Object client : resourceAccess.values()) {
                if (client instanceof Map<?, ?> clientAccess) {
                    fallback.addAll(ConsumerEnv.listOrSplit(clientAccess.get("roles"), ", "));
                }
            }
        }
        return fallback;
    }

    private List<String> scopes(JWTClaimsSet claims) {
        Object scp = claims.getClaim("scp");
        if (scpOnly) {
            return ConsumerEnv.listOrSplit(scp, " ");
        }
        return ConsumerEnv.listOrSplit(scp != null ? scp : claims.getClaim("scope"), " ");
    }

    private static String firstString(JWTClaimsSet claims, String... names) {
        for (String name : names) {
            Object value = claims.getClaim(name);
            if (value != null) {
                return String.valueOf(value);
            }
        }
        return null;
    }
}
