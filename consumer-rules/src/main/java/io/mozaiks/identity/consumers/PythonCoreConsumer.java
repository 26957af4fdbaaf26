package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mozaiks-core's runtime check (PyJWT), configured by the same environment variables with the same defaults. It
 * follows mozaiks-core {@code mozaiks_ai/runtime/auth/jwt_validator.py} {@code JWTValidator.validate_token} (decode,
 * then user id, email, roles, scopes and the execution claims, see {@link CoreClaims}) and the runtime's
 * {@code require_internal}, admin and admin-or-internal dependencies as docs/consumer-findings.md describes them.
 */
public final class PythonCoreConsumer {

    /** Core's only "on" spellings of AUTH_ENABLED; anything else turns auth OFF (fails open). */
    public static final Set<String> AUTH_ENABLED_ON = Set.of("true", "1", "yes", "on");
    /** What the director ({@code mozaiks_app.main}) requires at import in {@code external} auth mode. */
    public static final List<String> DIRECTOR_REQUIRED = List.of(CoreVariables.DIRECTOR_ISSUER.name(),
            CoreVariables.DIRECTOR_JWKS.name(), CoreVariables.DIRECTOR_AUDIENCE.name());
    public static final String TOKEN_USE_EXECUTION = "execution";

    private final DiscoveredKeys keys;
    private final String audience;
    private final CoreOptions options;
    private final long leeway;
    private final Clock clock;

    private PythonCoreConsumer(Map<String, String> variables, Clock clock) {
        refuseAuthOff(variables);
        ConsumerEnv env = new ConsumerEnv(variables);
        this.keys = new DiscoveredKeys(env.get(CoreVariables.ISSUER), env.get(CoreVariables.JWKS),
                env.get(CoreVariables.DISCOVERY_URL), Set.of(env.get(CoreVariables.ALGORITHMS).split(",")));
        this.audience = env.get(CoreVariables.AUDIENCE);
        this.options = CoreOptions.fromEnv(variables);
        this.leeway = Long.parseLong(env.get(CoreVariables.CLOCK_SKEW));
        this.clock = clock;
    }

    public static PythonCoreConsumer fromEnv(Map<String, String> env) {
        return new PythonCoreConsumer(env, Clock.systemUTC());
    }

    /** The time checks (exp, nbf, iat with AUTH_CLOCK_SKEW, default 120 s) at this clock's time. */
    public static PythonCoreConsumer fromEnv(Map<String, String> env, Clock clock) {
        return new PythonCoreConsumer(env, clock);
    }

    /**
     * What core concludes from these claims with this env; no I/O, no signature, time, issuer or audience check.
     * Core has ONE admin level, so {@code admin} = {@code superAdmin} = {@link #isSuperAdmin} (roles {@code admin} or
     * {@code superadmin}, case-sensitive); the admin-or-internal dependency's wider reading ({@code internal_service}
     * or {@code service} as superadmin) is {@link #adminOrInternal}, not folded in here. {@code internal}: a token
     * WITHOUT the required user scope, which is all {@code require_internal} asks. {@code mfa}: always false, core
     * has no MFA check. {@code userId} null: core answers 401.
     */
    public static ConsumerView view(Map<String, String> env, JWTClaimsSet claims) {
        CoreOptions options = CoreOptions.fromEnv(env);
        Principal p = CoreClaims.principal(options, claims);
        boolean superAdmin = isSuperAdmin(p);
        return new ConsumerView(p.userId(), new LinkedHashSet<>(p.roles()), superAdmin, superAdmin, false,
                !p.scopes().contains(options.requiredScope()), p.tenant(), p.scopes(), p.clientId());
    }

    /** A user endpoint: valid token, {@code sub}, and the required scope (else 403). */
    public Principal user(String token) throws Rejected {
        Principal principal = authenticate(token);
        if (!principal.scopes().contains(options.requiredScope())) {
            throw new Rejected(403, Rule.SCOPE_MISSING, "required scope " + options.requiredScope() + " not in " + principal.scopes());
        }
        return principal;
    }

    /** An internal endpoint: tokens that carry the user scope are refused; optionally the internal_service role. */
    public Principal internal(String token, boolean requireInternalServiceRole) throws Rejected {
        Principal principal = authenticate(token);
        if (principal.scopes().contains(options.requiredScope())) {
            throw new Rejected(403, Rule.USER_TOKEN_ON_INTERNAL, "internal endpoint refuses delegated user tokens");
        }
        if (requireInternalServiceRole && !principal.hasRole("internal_service")) {
            throw new Rejected(403, Rule.ROLE_MISSING, "role internal_service missing from " + principal.roles());
        }
        return principal;
    }

    /**
     * Rule 6: binding claims, when present (Python truthiness), must equal the request path's app and chat.
     * A null path value means the route has no such segment, so that claim is not compared.
     */
    public static void checkBinding(Principal principal, String pathAppId, String pathChatId) throws Rejected {
        Object app = PythonTruth.firstTruthy(principal.claims(), "mozaiks_app_id", "app_id");
        if (app != null && pathAppId != null && !pathAppId.equals(String.valueOf(app))) {
            throw new Rejected(403, Rule.BINDING, "token is bound to app " + app + ", not " + pathAppId);
        }
        Object chat = PythonTruth.firstTruthy(principal.claims(), "mozaiks_chat_id", "chat_id");
        if (chat != null && pathChatId != null && !pathChatId.equals(String.valueOf(chat))) {
            throw new Rejected(403, Rule.BINDING, "token is bound to chat " + chat + ", not " + pathChatId);
        }
    }

    /** The capability a token names ({@code mozaiks_capability_id}, else {@code capability_id}; Python truthiness), or null. */
    public static String capabilityBinding(Principal principal) {
        return principal.capabilityId();
    }

    /** The app a token is bound to for rule 6 ({@code mozaiks_app_id}, else {@code app_id}; Python truthiness), or null. */
    public static String appBinding(Principal principal) {
        Object app = PythonTruth.firstTruthy(principal.claims(), "mozaiks_app_id", "app_id");
        return app == null ? null : String.valueOf(app);
    }

    /** Rule 7: core has ONE admin level, roles {@code superadmin} or {@code admin}, compared case-sensitively. */
    public static boolean isSuperAdmin(Principal principal) {
        return principal.hasRole("superadmin") || principal.hasRole("admin");
    }

    /** The old name of {@link #isSuperAdmin}; kept so existing callers read the same rule. */
    public static boolean isAdmin(Principal principal) {
        return isSuperAdmin(principal);
    }

    /**
     * Rule 7, the admin-or-internal dependency: a role {@code internal_service} OR {@code service} counts as
     * an internal service AND as superadmin, for user tokens too; that is why those roles are service-only.
     */
    public static boolean adminOrInternal(Principal principal) {
        return principal.hasRole("internal_service") || principal.hasRole("service") || isSuperAdmin(principal);
    }

    /**
     * Rule 9, {@code require_execution_token}: rules 1-5 and nothing else (no scope check), then
     * {@code mozaiks_token_use == "execution"} and an app id. Keycloak must never produce such a token.
     */
    public Principal executionToken(String token) throws Rejected {
        Principal principal = authenticate(token);
        Object use = principal.claims().getClaim("mozaiks_token_use");
        if (!TOKEN_USE_EXECUTION.equals(use)) {
            throw new Rejected(403, Rule.NOT_EXECUTION_TOKEN, "not an execution token (mozaiks_token_use " + use + ")");
        }
        if (PythonTruth.firstTruthy(principal.claims(), "mozaiks_app_id", "app_id") == null) {
            throw new Rejected(403, Rule.NOT_EXECUTION_TOKEN, "execution token without an app id");
        }
        return principal;
    }

    /** The director starts only when, in the default {@code external} mode, its three settings are present. */
    public static boolean directorStarts(Map<String, String> env) {
        return directorMissing(env).isEmpty();
    }

    /** The director settings that are absent or blank; empty outside {@code external} mode. */
    public static List<String> directorMissing(Map<String, String> env) {
        String mode = env.get(CoreVariables.AUTH_MODE.name());
        if (mode != null && !CoreVariables.AUTH_MODE.defaultValue().equals(mode)) {
            return List.of();
        }
        return DIRECTOR_REQUIRED.stream().filter(name -> env.get(name) == null || env.get(name).isBlank()).toList();
    }

    /**
     * Absent = core's default; a PRESENT value outside the "on" spellings would run core with auth off.
     * Compared exactly (no trimming or case folding), so whatever core does with case and blanks, a value
     * accepted here is "on" for core too.
     */
    static void refuseAuthOff(Map<String, String> variables) {
        String enabled = variables.get(CoreVariables.ENABLED.name());
        if (enabled != null && !AUTH_ENABLED_ON.contains(enabled)) {
            throw new IllegalArgumentException("AUTH_ENABLED=" + enabled + " turns auth off (fails open)");
        }
    }

    private Principal authenticate(String token) throws Rejected {
        DiscoveredKeys.Keys known = keys.get();
        SignedJWT jwt = known.signature().verify(token, true);
        JWTClaimsSet claims = SignatureCheck.registeredClaims(jwt, known.issuer(), audience, Lifetime.PYJWT, leeway, clock);
        Principal principal = CoreClaims.principal(options, claims);
        if (principal.userId() == null) {
            throw new Rejected(401, Rule.SUBJECT_MISSING, "claim " + options.userIdClaim() + " missing");
        }
        return principal;
    }
}
