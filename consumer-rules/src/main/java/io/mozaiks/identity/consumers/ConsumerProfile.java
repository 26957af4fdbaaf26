package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.contractenv.ConsumerId;
import io.mozaiks.identity.contractenv.WellKnown;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * THE model of one consumer, which mozaiks-doctor, the test fixtures and the compose checks loop over instead of
 * keeping lists of their own: its env document, the variables it reads (with defaults), the one that can switch its
 * authentication off, where it finds issuer and keys, its token schemes, and how it builds its principal. Each
 * profile names the upstream file and function it follows (docs/consumer-findings.md has the findings). A profile
 * has its own {@link #name()}; its {@link #id()} names the env document that configures it, which for mozaiks-core's
 * successor is core's ({@code /contract/env/core}: the successor reads core's names).
 */
public final class ConsumerProfile {

    /** The successor's profile name (no env document of its own: {@code /contract/env/core} configures it). */
    public static final String SUCCESSOR_NAME = "successor";

    public static final ConsumerProfile CORE = new ConsumerProfile(ConsumerId.CORE.segment(), ConsumerId.CORE,
            "mozaiks-core mozaiks_ai/runtime/auth/jwt_validator.py JWTValidator.validate_token; director mozaiks_app.main",
            CoreVariables.ALL, new AuthSwitch(CoreVariables.ENABLED, PythonCoreConsumer.AUTH_ENABLED_ON, true),
            List.of(CoreVariables.DISCOVERY_URL, CoreVariables.DIRECTOR_ISSUER, CoreVariables.ISSUER),
            "CoreClaims.principal (validate_token, _coerce_roles, _extract_keycloak_roles)", PythonCoreConsumer::view);
    /**
     * mozaiks-core's successor, the unified {@code mozaiks} repository: configured by core's document, judged by its
     * own reading ({@link SuccessorConsumer}). Its roles claim IS configurable (AUTH_ROLES_CLAIM, which the document
     * sets to {@code roles}), so its view is judged with the published env like every other profile.
     */
    public static final ConsumerProfile SUCCESSOR = new ConsumerProfile(SUCCESSOR_NAME, ConsumerId.CORE,
            "BlocUnited-LLC/mozaiks mozaiksai/core/auth (JWT validation, require_role); defaults from"
                    + " app/brand/public/auth.json and built-ins",
            SuccessorVariables.ALL, new AuthSwitch(SuccessorVariables.ENABLED, PythonCoreConsumer.AUTH_ENABLED_ON, true),
            List.of(SuccessorVariables.DISCOVERY_URL, SuccessorVariables.ISSUER),
            "SuccessorConsumer.principal (scp only; roles claim object-or-list; admin = role admin)", SuccessorConsumer::view);
    public static final ConsumerProfile PLATFORM = new ConsumerProfile(ConsumerId.PLATFORM.segment(), ConsumerId.PLATFORM,
            "mozaiks-core backend/BuildingBlocks/Mozaiks.Auth WebApplicationBuilderExtensions.AddMozaiksAuth;"
                    + " MozaiksAuthOptions.FromEnvironment",
            PlatformVariables.ALL, null, List.of(PlatformVariables.ISSUER),
            "DotnetPlatformConsumer.principal (UserContextAccessor.GetUser, claim names ignoring case)",
            DotnetPlatformConsumer::view);
    public static final ConsumerProfile PLUGIN_HOST = new ConsumerProfile(ConsumerId.PLUGIN_HOST.segment(), ConsumerId.PLUGIN_HOST,
            "mozaiks-core packages/python/plugin-host mozaiks_plugins/config.py (settings), mozaiks_plugins/auth.py (check, user)",
            PluginHostVariables.ALL, new AuthSwitch(PluginHostVariables.SKIP, PluginHostConsumer.SKIP_AUTH_ON, false),
            List.of(PluginHostVariables.ISSUER), "PluginHostConsumer.principal (auth.py: user_id, sub or uid; roles else realm_access.roles)",
            PluginHostConsumer::view);

    /** Every consumer: the {@link ConsumerId} order, the successor right after core (whose document it uses). */
    public static final List<ConsumerProfile> ALL = List.of(CORE, SUCCESSOR, PLATFORM, PLUGIN_HOST);

    private final String name;
    private final ConsumerId id;
    private final String follows;
    private final List<EnvVariable> reads;
    private final AuthSwitch authSwitch;
    private final List<EnvVariable> issuerNamedIn;
    private final String principalBuiltBy;
    private final BiFunction<Map<String, String>, JWTClaimsSet, ConsumerView> view;

    private ConsumerProfile(String name, ConsumerId id, String follows, List<EnvVariable> reads, AuthSwitch authSwitch,
                            List<EnvVariable> issuerNamedIn, String principalBuiltBy,
                            BiFunction<Map<String, String>, JWTClaimsSet, ConsumerView> view) {
        this.name = name;
        this.id = id;
        this.follows = follows;
        this.reads = reads;
        this.authSwitch = authSwitch;
        this.issuerNamedIn = issuerNamedIn;
        this.principalBuiltBy = principalBuiltBy;
        this.view = view;
    }

    /** The profile whose name is the document's segment (core, not its successor). */
    public static ConsumerProfile of(ConsumerId id) {
        return named(id.segment());
    }

    /** By name ({@code core}, {@code successor}, {@code platform}, {@code plugin-host}); exact match only. */
    public static ConsumerProfile named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown consumer " + name + " (" + oneOf(ALL.stream().map(ConsumerProfile::name).toList()) + ")"));
    }

    public String name() {
        return name;
    }

    /** The consumer whose env document ({@code /contract/env/<segment>}) configures this profile. */
    public ConsumerId id() {
        return id;
    }

    /** The upstream file(s) and function(s) this profile follows. */
    public String follows() {
        return follows;
    }

    /** The variables the consumer reads for authentication. */
    public List<EnvVariable> reads() {
        return reads;
    }

    public Set<String> readNames() {
        return reads.stream().map(EnvVariable::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The variable whose value can turn authentication off (fails open), if the consumer has one. */
    public Optional<AuthSwitch> authSwitch() {
        return Optional.ofNullable(authSwitch);
    }

    public List<TokenScheme> schemes() {
        return Arrays.stream(TokenScheme.values()).filter(s -> s.profile().equals(name)).toList();
    }

    public List<TokenScheme> schemesFor(CallerKind caller) {
        return schemes().stream().filter(s -> s.meantFor() == caller).toList();
    }

    /** The code that builds the consumer's principal from a token. */
    public String principalBuiltBy() {
        return principalBuiltBy;
    }

    /** What the consumer concludes from these claims with this env (no I/O, no signature or time check). */
    public ConsumerView view(Map<String, String> env, JWTClaimsSet claims) {
        return view.apply(env, claims);
    }

    /** The consumer's env document for {@code issuer} with the contract's default settings ({@link ContractEnv}). */
    public Map<String, String> document(String issuer) {
        return ContractEnv.document(id, issuer);
    }

    /** The variables that name the issuer, in words ({@code A, B or C}), for a message that none is set. */
    public String issuerNamedBy() {
        return oneOf(issuerNamedIn.stream().map(EnvVariable::name).toList());
    }

    /** The issuer the env names, or null. */
    public String issuer(Map<String, String> env) {
        if (this == SUCCESSOR) {
            return first(env.get(SuccessorVariables.ISSUER.name()),
                    WellKnown.issuerOfDiscoveryUrl(env.get(SuccessorVariables.DISCOVERY_URL.name())));
        }
        return switch (id) {
            case CORE -> first(env.get(CoreVariables.DIRECTOR_ISSUER.name()), env.get(CoreVariables.ISSUER.name()),
                    WellKnown.issuerOfDiscoveryUrl(env.get(CoreVariables.DISCOVERY_URL.name())));
            case PLATFORM -> first(env.get(PlatformVariables.ISSUER.name()));
            case PLUGIN_HOST -> first(env.get(PluginHostVariables.ISSUER.name()));
        };
    }

    /** The URL the consumer fetches keys (or discovery) from: its origin is where the consumer reaches Keycloak. */
    public String keysUrl(Map<String, String> env) {
        if (this == SUCCESSOR) {
            return first(env.get(SuccessorVariables.DISCOVERY_URL.name()), env.get(SuccessorVariables.JWKS.name()));
        }
        return switch (id) {
            case CORE -> first(env.get(CoreVariables.DISCOVERY_URL.name()), env.get(CoreVariables.DIRECTOR_JWKS.name()),
                    env.get(CoreVariables.JWKS.name()));
            case PLATFORM -> first(env.get(PlatformVariables.JWKS.name()));
            case PLUGIN_HOST -> first(env.get(PluginHostVariables.JWKS.name()));
        };
    }

    /**
     * A copy of {@code env} with which the consumer validates against the keys at {@code jwksUrl} instead of the
     * ones it would find itself. Core reads AUTH_JWKS_URL only together with AUTH_ISSUER (else it uses discovery,
     * and never reads MOZAIKS_JWKS_URL to validate), so both are set for it.
     */
    public Map<String, String> withKeysAt(Map<String, String> env, String issuer, String jwksUrl) {
        Map<String, String> copy = new HashMap<>(env);
        switch (id) {
            case CORE -> {
                copy.put(CoreVariables.ISSUER.name(), issuer);
                copy.put(CoreVariables.JWKS.name(), jwksUrl);
            }
            case PLATFORM -> copy.put(PlatformVariables.JWKS.name(), jwksUrl);
            case PLUGIN_HOST -> copy.put(PluginHostVariables.JWKS.name(), jwksUrl);
        }
        return copy;
    }

    @Override
    public String toString() {
        return name;
    }

    private static String oneOf(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
