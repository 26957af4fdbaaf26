package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mozaiks-platform's {@code Mozaiks.Auth} (ASP.NET JwtBearer, {@code MapInboundClaims=false}), read from mozaiks-core
 * {@code backend/BuildingBlocks/Mozaiks.Auth/}: the {@code Bearer} and {@code InternalBearer} schemes of
 * {@code WebApplicationBuilderExtensions.AddMozaiksAuth} ({@code OnTokenValidated} with {@code GetScopes} and
 * {@code GetClientId}), the user of {@code UserContextAccessor.GetUser} ({@code GetClaimValue},
 * {@code GetStringValues}, {@code GetEmail}, {@code GetDisplayName}, {@code IsSuperAdmin}),
 * {@code Authorization/PlatformAdminHandler} and {@code Authorization/MfaHandler} ({@code HasAmrMfa},
 * {@code HasAcrMfa}). Every claim is found by name IGNORING CASE ({@link OrdinalIgnoreCase}) in the token's JSON
 * order ({@link DotnetClaims}); see docs/consumer-findings.md.
 */
public final class DotnetPlatformConsumer {

    /** JwtBearer {@code ClockSkew = TimeSpan.FromMinutes(2)}. */
    public static final long CLOCK_SKEW_SECONDS = 120;
    /** {@code PlatformAdminHandler.PlatformAdminRole}. */
    public static final String PLATFORM_ADMIN_ROLE = "Admin";

    private final SignatureCheck signature;
    private final String issuer;
    private final String audience;
    private final PlatformOptions options;
    private final Clock clock;

    private DotnetPlatformConsumer(Map<String, String> variables, Clock clock) {
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
        env.required("AUTH_REQUIRED_SCOPE");
        this.options = PlatformOptions.fromEnv(variables);
        this.clock = clock;
    }

    public static DotnetPlatformConsumer fromEnv(Map<String, String> env) {
        return new DotnetPlatformConsumer(env, Clock.systemUTC());
    }

    /** The time checks (exp, nbf with the 2 minute ClockSkew) at this clock's time. */
    public static DotnetPlatformConsumer fromEnv(Map<String, String> env, Clock clock) {
        return new DotnetPlatformConsumer(env, clock);
    }

    /**
     * What the platform concludes from these claims with this env; no I/O, no signature, time, issuer or audience
     * check. {@code internal}: {@code InternalBearer} would take the token (no scope at all, client allowed).
     */
    public static ConsumerView view(Map<String, String> env, JWTClaimsSet claims) {
        PlatformOptions options = PlatformOptions.fromEnv(env);
        Principal p = principal(options, claims);
        boolean superAdmin = isSuperAdmin(options, p);
        return new ConsumerView(p.userId(), new LinkedHashSet<>(p.roles()), isPlatformAdmin(options, p), superAdmin,
                hasMfa(p), p.scopes().isEmpty() && clientAllowed(options, p), p.tenant(), p.scopes(), p.clientId());
    }

    /** {@code Bearer}: the first {@code scp} claim (else the first {@code scope}) must hold the required scope. */
    public Principal bearer(String token) throws Rejected {
        Principal principal = validate(token);
        if (principal.scopes().stream().noneMatch(s -> OrdinalIgnoreCase.equals(s, options.requiredScope()))) {
            throw new Rejected(403, Rule.SCOPE_MISSING, "required scope " + options.requiredScope() + " not in " + principal.scopes());
        }
        return principal;
    }

    /** {@code InternalBearer}: any scope at all in the first scp/scope claim means a delegated user token: refused. */
    public Principal internalBearer(String token) throws Rejected {
        Principal principal = validate(token);
        if (!principal.scopes().isEmpty()) {
            throw new Rejected(401, Rule.USER_TOKEN_ON_INTERNAL, "internal service tokens must not be delegated user tokens");
        }
        return principal;
    }

    /** {@code SuperAdminHandler}: a user (a user id) with a role equal, ignoring case, to AUTH_SUPERADMIN_ROLE. */
    public boolean isSuperAdmin(Principal principal) {
        return isSuperAdmin(options, principal);
    }

    /** {@code PlatformAdminHandler}: superadmin, or a role {@code Admin} ignoring case. */
    public boolean isPlatformAdmin(Principal principal) {
        return isPlatformAdmin(options, principal);
    }

    /**
     * {@code MfaHandler}: an {@code amr} value (every {@code amr} claim, each split on spaces) equal to {@code mfa},
     * or the FIRST {@code acr} claim containing {@code mfa}; names and values compared ignoring case.
     */
    public static boolean hasMfa(Principal principal) {
        DotnetClaims claims = DotnetClaims.of(principal.claims());
        boolean amr = claims.all("amr").stream().flatMap(v -> DotnetClaims.splitOnSpace(v).stream())
                .anyMatch(v -> OrdinalIgnoreCase.equals(v, "mfa"));
        String acr = claims.first("acr");
        return amr || (!DotnetClaims.isNullOrWhiteSpace(acr) && OrdinalIgnoreCase.contains(acr, "mfa"));
    }

    /** {@code GetDisplayName}: name, else given + family name, else preferred_username, else email, else user id. */
    public static String displayName(Principal principal) {
        DotnetClaims claims = DotnetClaims.of(principal.claims());
        String name = claims.first("name");
        if (!DotnetClaims.isNullOrWhiteSpace(name)) {
            return name;
        }
        String given = claims.first("given_name");
        String family = claims.first("family_name");
        String combined = DotnetClaims.trim((given == null ? "" : given) + " " + (family == null ? "" : family));
        if (!combined.isEmpty()) {
            return combined;
        }
        String preferred = claims.first("preferred_username");
        if (!DotnetClaims.isNullOrWhiteSpace(preferred)) {
            return preferred;
        }
        return principal.email() != null ? principal.email() : principal.userId();
    }

    private Principal validate(String token) throws Rejected {
        SignedJWT jwt = signature.verify(token, false);
        JWTClaimsSet claims = SignatureCheck.registeredClaims(jwt, issuer, audience, Lifetime.JWT_BEARER, CLOCK_SKEW_SECONDS, clock);
        Principal principal = principal(options, claims);
        if (!clientAllowed(options, principal)) {
            throw new Rejected(401, Rule.CLIENT_NOT_ALLOWED, "client " + principal.clientId() + " not in AUTH_ALLOWED_CLIENT_IDS");
        }
        return principal;
    }

    /**
     * The one reading of the claims that {@link #view} and the schemes share. Scopes: {@code GetScopes}, the FIRST
     * {@code scp} claim, else the first {@code scope}, split on spaces; a first {@code scp} claim that is empty still
     * wins over {@code scope} (C# {@code ??} only skips a missing claim). Client id: {@code GetClientId}, likewise.
     * User id: {@code GetClaimValue}, null when blank ({@code GetUser} then has no user). Tenant: the first
     * tenant claim. Email: {@code GetEmail}, the first value containing {@code @} of each candidate in turn.
     */
    static Principal principal(PlatformOptions options, JWTClaimsSet set) {
        DotnetClaims claims = DotnetClaims.of(set);
        String scopes = firstOf(claims, "scp", "scope");
        String userId = claims.first(options.userIdClaim());
        String email = null;
        for (String candidate : options.emailClaimCandidates()) {
            email = claims.stringValues(candidate).stream().filter(v -> v.contains("@")).findFirst().orElse(null);
            if (email != null) {
                break;
            }
        }
        return new Principal(DotnetClaims.isNullOrWhiteSpace(userId) ? null : userId, email,
                claims.stringValues(options.rolesClaim()), DotnetClaims.splitOnSpace(scopes),
                claims.first(options.tenantClaim()), firstOf(claims, "azp", "appid", "client_id"), null, set);
    }

    private static boolean isSuperAdmin(PlatformOptions options, Principal principal) {
        return principal.userId() != null && principal.hasRoleIgnoreCase(options.superAdminRole());
    }

    private static boolean isPlatformAdmin(PlatformOptions options, Principal principal) {
        return principal.userId() != null
                && (isSuperAdmin(options, principal) || principal.hasRoleIgnoreCase(PLATFORM_ADMIN_ROLE));
    }

    /** {@code AllowedClientIds.Contains(clientId, StringComparer.OrdinalIgnoreCase)} when the list is set. */
    private static boolean clientAllowed(PlatformOptions options, Principal principal) {
        List<String> allowed = options.allowedClientIds();
        return allowed.isEmpty() || (!DotnetClaims.isNullOrWhiteSpace(principal.clientId())
                && allowed.stream().anyMatch(id -> OrdinalIgnoreCase.equals(id, principal.clientId())));
    }

    /** {@code FirstOrDefault(a)?.Value ?? FirstOrDefault(b)?.Value ?? ...}: the first name that has a claim at all. */
    private static String firstOf(DotnetClaims claims, String... names) {
        for (String name : names) {
            String value = claims.first(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
