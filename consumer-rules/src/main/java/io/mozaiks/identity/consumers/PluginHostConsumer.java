package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * mozaiks-core's plugin-host (python-jose): {@code packages/python/plugin-host/mozaiks_plugins/config.py} for its
 * settings and {@code mozaiks_plugins/auth.py} for the check and the user it builds, as docs/consumer-findings.md
 * describes them ("mozaiks-core plugin-host"). It reads none of the {@code AUTH_*} names. Its identity and
 * privilege claims ({@code user_id}, {@code uid}, {@code username}, {@code is_superadmin}) are why the contract
 * strips them.
 */
public final class PluginHostConsumer {

    /** python-jose's default leeway; plugin-host sets none. */
    public static final long LEEWAY_SECONDS = 0;
    public static final String DEFAULT_ALGORITHM = "RS256";
    /** How long plugin-host keeps a fetched JWKS before it fetches it again ({@code JWKS_CACHE_TTL_SECONDS}). */
    public static final long DEFAULT_JWKS_CACHE_TTL_SECONDS = 300;
    /** Spellings taken as "skip auth"; wider than the service may be, so any of them is refused here. */
    public static final Set<String> SKIP_AUTH_ON = Set.of("true", "1", "yes", "on");

    private final SignatureCheck signature;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    private PluginHostConsumer(Map<String, String> variables, Clock clock) {
        String skip = variables.get("SKIP_AUTH");
        if (skip != null && SKIP_AUTH_ON.contains(skip.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("SKIP_AUTH=" + skip + " disables auth in plugin-host");
        }
        ConsumerEnv env = new ConsumerEnv(variables);
        this.issuer = env.required("JWT_ISSUER");
        this.audience = env.required("JWT_AUDIENCE");
        String algorithms = env.get("JWT_ALGORITHMS", env.get("JWT_ALGORITHM", DEFAULT_ALGORITHM));
        Set<String> allowed = Arrays.stream(algorithms.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        String ttl = env.get("JWKS_CACHE_TTL_SECONDS", String.valueOf(DEFAULT_JWKS_CACHE_TTL_SECONDS));
        Duration cacheTtl;
        try {
            cacheTtl = Duration.ofSeconds(Long.parseLong(ttl.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JWKS_CACHE_TTL_SECONDS=" + ttl + " is not a whole number of seconds", e);
        }
        // An unknown kid never fetches the JWKS again: only the cache TTL does.
        this.signature = new SignatureCheck(ConsumerEnv.url(env.required("JWKS_URL")), allowed, cacheTtl, clock);
        this.clock = clock;
    }

    public static PluginHostConsumer fromEnv(Map<String, String> env) {
        return new PluginHostConsumer(env, Clock.systemUTC());
    }

    /** The JWKS cache and the time checks (exp, nbf, leeway 0) run on this clock. */
    public static PluginHostConsumer fromEnv(Map<String, String> env, Clock clock) {
        return new PluginHostConsumer(env, clock);
    }

    /**
     * What plugin-host concludes from these claims; no I/O, no signature, time, issuer or audience check. It has one
     * admin level ({@code admin} = {@code superAdmin}), no MFA, no notion of service tokens ({@code internal} false),
     * reads no scope, tenant or client id. The env is not read: plugin-host's claim names are fixed.
     */
    public static ConsumerView view(Map<String, String> env, JWTClaimsSet claims) {
        PluginPrincipal p = principal(claims);
        return new ConsumerView(p.userId(), new LinkedHashSet<>(p.roles()), p.superAdmin(), p.superAdmin(), false, false,
                null, List.of(), null);
    }

    /** Signature, iss, aud only when present, exp (when present) and nbf with leeway 0; no scope check at all. */
    public PluginPrincipal authenticate(String token) throws Rejected {
        SignedJWT jwt = signature.verify(token, SignatureCheck.KidRule.OPTIONAL_IF_SINGLE_KEY);
        JWTClaimsSet claims = SignatureCheck.registeredClaims(jwt, issuer, audience, false, Lifetime.PYTHON_JOSE,
                LEEWAY_SECONDS, clock);
        PluginPrincipal principal = principal(claims);
        if (principal.userId() == null) {
            throw new Rejected(401, Rule.SUBJECT_MISSING, "no user_id, sub or uid");
        }
        return principal;
    }

    /** The user {@code auth.py} builds; {@code userId} null = plugin-host answers 401. */
    private static PluginPrincipal principal(JWTClaimsSet claims) {
        Object userId = PythonTruth.firstTruthy(claims, "user_id", "sub", "uid");
        Object username = PythonTruth.firstTruthy(claims, "username", "preferred_username", "email");
        List<String> roles = roles(claims);
        boolean superAdmin = PythonTruth.truthy(claims.getClaim("is_superadmin")) || roles.contains("superadmin");
        Object appId = claims.getClaim("app_id");
        return new PluginPrincipal(userId == null ? null : String.valueOf(userId), username == null ? null : String.valueOf(username),
                roles, superAdmin, appId == null ? null : String.valueOf(appId), claims);
    }

    /** {@code roles}, else {@code realm_access.roles} UNFILTERED (Keycloak's internal roles included). */
    private static List<String> roles(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        if (!PythonTruth.truthy(roles) && claims.getClaim("realm_access") instanceof Map<?, ?> realmAccess) {
            roles = realmAccess.get("roles");
        }
        return asList(roles);
    }

    /** A JSON list as strings; a lone string is taken as one role (docs/consumer-findings.md describes lists only). */
    private static List<String> asList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        } else if (value instanceof String text && !text.isEmpty()) {
            out.add(text);
        }
        return out;
    }
}
