package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime of mozaiks-core's successor, the unified {@code mozaiks} repository (BlocUnited-LLC/mozaiks), as it
 * reads a token: {@code mozaiksai/core/auth} (PyJWT, core's validator reorganised) with its own defaults
 * ({@link SuccessorVariables}), scopes from {@code scp} ONLY, roles from ONE claim (an object gives its
 * {@code roles}, a list is used as is; no dot path, no fallback), admin = role exactly {@code admin}
 * ({@code require_role("admin")}), internal = a token without the user scope (docs/consumer-findings.md). What
 * the findings do not describe as changed (user id, email, tenant, client id, binding claims) is read as core reads
 * it ({@link CoreClaims}).
 */
public final class SuccessorConsumer {

    private final DiscoveredKeys keys;
    private final String audience;
    private final CoreOptions options;
    private final long leeway;
    private final Clock clock;

    private SuccessorConsumer(Map<String, String> variables, Clock clock) {
        PythonCoreConsumer.refuseAuthOff(variables);
        ConsumerEnv env = new ConsumerEnv(variables);
        if (env.get(SuccessorVariables.TENANT_ID) != null) {
            throw new IllegalArgumentException(SuccessorVariables.TENANT_ID.name()
                    + " is set: the successor would switch to its legacy hosted defaults");
        }
        this.keys = new DiscoveredKeys(env.get(SuccessorVariables.ISSUER), env.get(SuccessorVariables.JWKS),
                env.get(SuccessorVariables.DISCOVERY_URL), Set.of(env.get(SuccessorVariables.ALGORITHMS).split(",")));
        this.audience = env.get(SuccessorVariables.AUDIENCE);
        this.options = options(variables);
        this.leeway = Long.parseLong(env.get(SuccessorVariables.CLOCK_SKEW));
        this.clock = clock;
    }

    public static SuccessorConsumer fromEnv(Map<String, String> env) {
        return new SuccessorConsumer(env, Clock.systemUTC());
    }

    public static SuccessorConsumer fromEnv(Map<String, String> env, Clock clock) {
        return new SuccessorConsumer(env, clock);
    }

    /**
     * What the successor concludes from these claims with this env; no I/O, signature, time, issuer or audience
     * check. ONE admin level ({@code admin} = {@code superAdmin} = role exactly {@code admin}: a role
     * {@code superadmin} is NOT admin here), {@code mfa} always false (no MFA check), {@code internal}: no user
     * scope in {@code scp}.
     */
    public static ConsumerView view(Map<String, String> env, JWTClaimsSet claims) {
        CoreOptions options = options(env);
        Principal p = principal(options, claims);
        boolean admin = isAdmin(p);
        return new ConsumerView(p.userId(), new LinkedHashSet<>(p.roles()), admin, admin, false,
                !p.scopes().contains(options.requiredScope()), p.tenant(), p.scopes(), p.clientId());
    }

    /** A user endpoint: valid token, a user id, and the required scope in {@code scp} (else 403). */
    public Principal user(String token) throws Rejected {
        Principal principal = authenticate(token);
        if (!principal.scopes().contains(options.requiredScope())) {
            throw new Rejected(403, Rule.SCOPE_MISSING, "required scope " + options.requiredScope() + " not in scp "
                    + principal.scopes());
        }
        return principal;
    }

    /** An internal endpoint: a token that carries the user scope is a delegated user token and is refused. */
    public Principal internal(String token) throws Rejected {
        Principal principal = authenticate(token);
        if (principal.scopes().contains(options.requiredScope())) {
            throw new Rejected(403, Rule.USER_TOKEN_ON_INTERNAL, "internal endpoint refuses delegated user tokens");
        }
        return principal;
    }

    /** {@code require_role("admin")}: the role exactly {@code admin}, case-sensitive. */
    public static boolean isAdmin(Principal principal) {
        return principal.hasRole(SuccessorVariables.ADMIN_ROLE);
    }

    /** The roles claim: an object gives its {@code roles}, a list is used as is (its strings); anything else: none. */
    static List<String> roles(String rolesClaim, JWTClaimsSet claims) {
        Object value = claims.getClaim(rolesClaim);
        if (value instanceof Map<?, ?> object) {
            value = object.get("roles");
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
        }
        return out;
    }

    private static CoreOptions options(Map<String, String> variables) {
        ConsumerEnv env = new ConsumerEnv(variables);
        return new CoreOptions(env.get(SuccessorVariables.REQUIRED_SCOPE), env.get(SuccessorVariables.USER_ID_CLAIM),
                env.get(SuccessorVariables.EMAIL_CLAIM), env.get(SuccessorVariables.ROLES_CLAIM));
    }

    private static Principal principal(CoreOptions options, JWTClaimsSet claims) {
        Principal core = CoreClaims.principal(options, claims);
        return new Principal(core.userId(), core.email(), roles(options.rolesClaim(), claims),
                CoreClaims.splitScopes(claims.getClaim("scp")), core.tenant(), core.clientId(), core.capabilityId(), claims);
    }

    private Principal authenticate(String token) throws Rejected {
        DiscoveredKeys.Keys known = keys.get();
        SignedJWT jwt = known.signature().verify(token, true);
        JWTClaimsSet claims = SignatureCheck.registeredClaims(jwt, known.issuer(), audience, Lifetime.PYJWT, leeway, clock);
        Principal principal = principal(options, claims);
        if (principal.userId() == null) {
            throw new Rejected(401, Rule.SUBJECT_MISSING, "claim " + options.userIdClaim() + " missing");
        }
        return principal;
    }
}
