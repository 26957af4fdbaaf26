package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * mozaiks-core's plugin-host ({@code mozaiks_plugins/config.py}, {@code auth.py}, python-jose), rule for rule
 * from shared/consumers.md "Consumer 3". It reads none of the {@code AUTH_*} names. Its identity and
 * privilege claims ({@code user_id}, {@code uid}, {@code username}, {@code is_superadmin}) are why the
 * contract strips them.
 */
public final class PluginHostConsumer {

    /** python-jose's default leeway; plugin-host sets none. */
    public static final long LEEWAY_SECONDS = 0;
    public static final String DEFAULT_ALGORITHM = "RS256";
    /** Spellings taken as "skip auth"; wider than the service may be, so any of them is refused here. */
    public static final Set<String> SKIP_AUTH_ON = Set.of("true", "1", "yes", "on");

    private final SignatureCheck signature;
    private final String issuer;
    private final String audience;

    private PluginHostConsumer(Map<String, String> variables) {
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
        // JWKS_CACHE_TTL_SECONDS does not matter here: the JWKS is loaded once and an unknown kid never refetches.
        this.signature = new SignatureCheck(ConsumerEnv.url(env.required("JWKS_URL")), allowed);
    }

    public static PluginHostConsumer fromEnv(Map<String, String> env) {
        return new PluginHostConsumer(env);
    }

    /** Signature, iss, aud only when present, exp/nbf with leeway 0; no scope check at all. */
    public PluginPrincipal authenticate(String token) throws Rejected {
        SignedJWT jwt = signature.verify(token, SignatureCheck.KidRule.OPTIONAL_IF_SINGLE_KEY);
        JWTClaimsSet claims = SignatureCheck.registeredClaims(jwt, issuer, audience, LEEWAY_SECONDS, false);
        Object userId = PythonTruth.firstTruthy(claims, "user_id", "sub", "uid");
        if (userId == null) {
            throw new Rejected(401, Rule.SUBJECT_MISSING, "no user_id, sub or uid");
        }
        Object username = PythonTruth.firstTruthy(claims, "username", "preferred_username", "email");
        List<String> roles = roles(claims);
        boolean superAdmin = PythonTruth.truthy(claims.getClaim("is_superadmin")) || roles.contains("superadmin");
        Object appId = claims.getClaim("app_id");
        return new PluginPrincipal(String.valueOf(userId), username == null ? null : String.valueOf(username), roles,
                superAdmin, appId == null ? null : String.valueOf(appId), claims);
    }

    /** {@code roles}, else {@code realm_access.roles} UNFILTERED (Keycloak's internal roles included). */
    private static List<String> roles(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        if (!PythonTruth.truthy(roles) && claims.getClaim("realm_access") instanceof Map<?, ?> realmAccess) {
            roles = realmAccess.get("roles");
        }
        return asList(roles);
    }

    /** A JSON list as strings; a lone string is taken as one role (consumers.md only describes lists). */
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
