package io.mozaiks.identity.doctor.token;

import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.consumers.CallerKind;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.PluginHostConsumer;
import io.mozaiks.identity.consumers.PluginPrincipal;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.SuccessorConsumer;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.Rule;
import io.mozaiks.identity.consumers.TokenScheme;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one token through every consumer scheme, each configured with its consumer's env document for the issuer
 * (consumer-rules' {@link ConsumerProfile}), with that consumer's own rules, clock skew and key handling.
 */
public final class TokenExamination {

    /** Reverse proxies' default limit for one request header line (nginx, Apache httpd). */
    public static final int PROXY_HEADER_LINE_LIMIT = 8 * 1024;
    /** Kestrel's default MaxRequestHeadersTotalSize (all headers together). */
    public static final int KESTREL_HEADERS_LIMIT = 32 * 1024;

    private TokenExamination() {
    }

    /**
     * @param expectedIssuer the issuer the consumers are configured with; null = the token's own {@code iss}
     * @param jwksFile       offline keys; null = the JWKS the issuer publishes
     * @param kind           null = decided from the claims ({@link #callerKindOf})
     */
    public static TokenReport examine(String token, String expectedIssuer, Path jwksFile, CallerKind kind) {
        List<String> notes = new ArrayList<>();
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, Object> claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token.strip());
            header.put("alg", jwt.getHeader().getAlgorithm().getName());
            header.put("kid", jwt.getHeader().getKeyID());
            claims = jwt.getJWTClaimsSet().toJSONObject();
        } catch (ParseException | RuntimeException e) {
            return new TokenReport(header, Map.of(), null, null, rejectAll(null, Rule.NOT_A_JWT, "not a signed JWT: " + e.getMessage()),
                    sizeWarnings(token), notes);
        }
        CallerKind tokenKind = kind != null ? kind : callerKindOf(claims);
        String issuer = expectedIssuer;
        if (issuer == null) {
            issuer = claims.get("iss") == null ? "" : String.valueOf(claims.get("iss"));
            notes.add("checked against the token's OWN issuer " + issuer + " and its keys: pass --issuer with the issuer your"
                    + " consumers are configured with, or a forged token would be checked against its author's keys");
        }
        if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            // Never fetch keys from a token-chosen file: or other non-HTTP URL.
            return new TokenReport(header, claims, tokenKind, issuer,
                    rejectAll(tokenKind, Rule.ISSUER, "issuer " + issuer + " is not an http(s) URL"), sizeWarnings(token), notes);
        }
        if (jwksFile != null) {
            notes.add("keys from " + jwksFile + " (offline), not from the issuer");
        }
        List<String> warnings = new ArrayList<>(sizeWarnings(token));
        proofOfPossession(claims).ifPresent(warnings::add);
        Consumers consumers = new Consumers(issuer, jwksFile);
        List<Verdict> verdicts = new ArrayList<>();
        for (TokenScheme scheme : TokenScheme.values()) {
            verdicts.add(consumers.decide(scheme, token.strip(), scheme.meantFor() == tokenKind));
        }
        return new TokenReport(header, claims, tokenKind, issuer, verdicts, warnings, notes);
    }

    /**
     * A {@code cnf} claim binds the token to a key (DPoP: {@code cnf.jkt}, RFC 9449; mTLS: {@code cnf.x5t#S256},
     * RFC 8705). Every consumer reads only {@code Authorization: Bearer} and checks no proof
     * (docs/consumer-findings.md): a DPoP client sends {@code Authorization: DPoP} and is refused, and the same
     * token sent as Bearer is accepted WITHOUT its binding, so a stolen copy works. The verdicts above are for
     * the Bearer case.
     */
    static Optional<String> proofOfPossession(Map<String, Object> claims) {
        if (!(claims.get("cnf") instanceof Map<?, ?> cnf)) {
            return claims.containsKey("cnf")
                    ? Optional.of("the token has a cnf claim that is not an object: no consumer reads it; the issuer"
                            + " meant to bind the token to a key, which no consumer checks")
                    : Optional.empty();
        }
        String binding = cnf.containsKey("jkt") ? "DPoP-bound (cnf.jkt = " + cnf.get("jkt") + ")"
                : cnf.containsKey("x5t#S256") ? "bound to a client certificate (cnf.x5t#S256)" : "key-bound (cnf " + cnf.keySet() + ")";
        return Optional.of("the token is " + binding + ", but all three consumers accept only 'Authorization: Bearer'"
                + " and check no proof: a DPoP client sends 'Authorization: DPoP' and is refused (401), and the token sent"
                + " as Bearer is accepted WITHOUT its binding (a stolen copy works). The verdicts above are for Bearer."
                + " Fix: turn DPoP off for the contract client (client attribute dpop.bound.access.tokens=false, no"
                + " dpop-bind-enforcer client policy for it); the conformance report fails such a client");
    }

    /**
     * A service token names a service account ({@code service-account-<client>}, {@code client_id}), or has
     * neither a session ({@code sid}) nor any scope: contract 1.1 strips the first two, and a client-credentials
     * grant opens no user session. {@code --kind} overrides this.
     */
    static CallerKind callerKindOf(Map<String, Object> claims) {
        Object username = claims.get("preferred_username");
        boolean serviceAccount = username instanceof String name && name.startsWith("service-account-")
                || claims.containsKey("client_id");
        boolean sessionless = !claims.containsKey("sid") && !claims.containsKey("scope") && !claims.containsKey("scp");
        return serviceAccount || sessionless ? CallerKind.SERVICE : CallerKind.USER;
    }

    /** Every scheme refuses for the same reason, before any consumer is built; {@code kind} null = a finding for all. */
    private static List<Verdict> rejectAll(CallerKind kind, Rule rule, String detail) {
        List<Verdict> verdicts = new ArrayList<>();
        for (TokenScheme scheme : TokenScheme.values()) {
            verdicts.add(Verdict.reject(scheme, kind == null || scheme.meantFor() == kind, 401, rule, detail));
        }
        return verdicts;
    }

    static List<String> sizeWarnings(String token) {
        int line = ("Authorization: Bearer " + token.strip()).length();
        List<String> warnings = new ArrayList<>();
        if (line > KESTREL_HEADERS_LIMIT) {
            warnings.add("the Authorization header is " + line + " bytes: above Kestrel's default 32 KB for all headers"
                    + " (mozaiks-platform answers 431); reduce the roles and claims in the token");
        } else if (line > PROXY_HEADER_LINE_LIMIT) {
            warnings.add("the Authorization header is " + line + " bytes: above the 8 KB per header line of common reverse"
                    + " proxies (nginx large_client_header_buffers, Apache LimitRequestFieldSize); expect 400/431 behind them");
        }
        return warnings;
    }

    /**
     * The consumers, each built on first use and then shared by its schemes (one discovery and one JWKS fetch
     * each); a consumer that cannot be built fails only its own schemes.
     */
    private static final class Consumers {

        private final String issuer;
        private final Path jwksFile;
        private PythonCoreConsumer core;
        private SuccessorConsumer coreSuccessor;
        private DotnetPlatformConsumer platform;

        Consumers(String issuer, Path jwksFile) {
            this.issuer = issuer;
            this.jwksFile = jwksFile;
        }

        Verdict decide(TokenScheme scheme, String token, boolean expected) {
            try {
                return Verdict.accept(scheme, expected, principal(scheme, token));
            } catch (Rejected rejected) {
                return Verdict.reject(scheme, expected, rejected.status(), rejected.rule(), rejected.detail());
            } catch (RuntimeException | AssertionError e) {
                // Discovery or configuration failed before any rule ran: the consumer would not start or not answer.
                return Verdict.reject(scheme, expected, 503, Rule.JWKS_UNAVAILABLE, "cannot configure the consumer: " + e.getMessage());
            }
        }

        private Map<String, Object> principal(TokenScheme scheme, String token) throws Rejected {
            return switch (scheme) {
                case CORE_USER -> core(core().user(token));
                case CORE_SUCCESSOR_USER -> successor(coreSuccessor().user(token));
                case CORE_SUCCESSOR_INTERNAL -> successor(coreSuccessor().internal(token));
                case CORE_INTERNAL -> core(core().internal(token, true));
                case PLUGIN_HOST -> pluginHost(PluginHostConsumer.fromEnv(env(ConsumerProfile.PLUGIN_HOST)).authenticate(token));
                case PLATFORM_BEARER -> platform(token, false);
                case PLATFORM_INTERNAL_BEARER -> platform(token, true);
            };
        }

        private PythonCoreConsumer core() {
            if (core == null) {
                core = PythonCoreConsumer.fromEnv(env(ConsumerProfile.CORE));
            }
            return core;
        }

        private SuccessorConsumer coreSuccessor() {
            if (coreSuccessor == null) {
                coreSuccessor = SuccessorConsumer.fromEnv(env(ConsumerProfile.SUCCESSOR));
            }
            return coreSuccessor;
        }

        private DotnetPlatformConsumer platform() {
            if (platform == null) {
                platform = DotnetPlatformConsumer.fromEnv(env(ConsumerProfile.PLATFORM));
            }
            return platform;
        }

        /** The consumer's document for the issuer; offline, pointed at the JWKS file the way that consumer reads keys. */
        private Map<String, String> env(ConsumerProfile profile) {
            Map<String, String> document = profile.document(issuer);
            return jwksFile == null ? document : profile.withKeysAt(document, issuer, jwksFile.toUri().toString());
        }

        private Map<String, Object> platform(String token, boolean internal) throws Rejected {
            DotnetPlatformConsumer platform = platform();
            Principal p = internal ? platform.internalBearer(token) : platform.bearer(token);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(internal ? "client_id" : "user_id", internal ? p.clientId() : p.userId());
            out.put("roles", p.roles());
            out.put("super_admin", platform.isSuperAdmin(p));
            out.put("platform_admin", platform.isPlatformAdmin(p));
            out.put("tenant", p.tenant());
            if (!internal) {
                out.put("mfa", DotnetPlatformConsumer.hasMfa(p));
                out.put("display_name", DotnetPlatformConsumer.displayName(p));
            }
            return out;
        }

        /** The successor's principal: its ONE admin level is the role admin exactly (require_role("admin")). */
        private static Map<String, Object> successor(Principal p) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user_id", p.userId());
            out.put("client_id", p.clientId());
            out.put("roles", p.roles());
            out.put("admin", SuccessorConsumer.isAdmin(p));
            out.put("app_binding", PythonCoreConsumer.appBinding(p));
            return out;
        }

        private static Map<String, Object> core(Principal p) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user_id", p.userId());
            out.put("client_id", p.clientId());
            out.put("roles", p.roles());
            out.put("superadmin", PythonCoreConsumer.isSuperAdmin(p));
            out.put("admin_or_internal", PythonCoreConsumer.adminOrInternal(p));
            out.put("tenant", p.tenant());
            out.put("app_binding", PythonCoreConsumer.appBinding(p));
            out.put("capability_binding", PythonCoreConsumer.capabilityBinding(p));
            return out;
        }

        private static Map<String, Object> pluginHost(PluginPrincipal p) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user_id", p.userId());
            out.put("username", p.username());
            out.put("roles", p.roles());
            out.put("super_admin", p.superAdmin());
            out.put("app_id", p.appId());
            return out;
        }
    }
}
