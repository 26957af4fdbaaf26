package io.mozaiks.identity.doctor.token;

import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.PluginHostConsumer;
import io.mozaiks.identity.consumers.PluginPrincipal;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.Rule;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one token through every consumer scheme, each configured as contract 1.1 documents it for the
 * issuer (ContractEnv), with that consumer's own rules, clock skew and key handling.
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
     * @param kind           null = decided from the claims ({@link TokenKind#of})
     */
    public static TokenReport examine(String token, String expectedIssuer, Path jwksFile, TokenKind kind) {
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
        TokenKind tokenKind = kind != null ? kind : TokenKind.of(claims);
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
        Consumers consumers = new Consumers(issuer, jwksFile);
        List<Verdict> verdicts = new ArrayList<>();
        for (Scheme scheme : Scheme.values()) {
            verdicts.add(consumers.decide(scheme, token.strip(), scheme.meantFor() == tokenKind));
        }
        return new TokenReport(header, claims, tokenKind, issuer, verdicts, sizeWarnings(token), notes);
    }

    /** Every scheme refuses for the same reason, before any consumer is built; {@code kind} null = a finding for all. */
    private static List<Verdict> rejectAll(TokenKind kind, Rule rule, String detail) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Scheme scheme : Scheme.values()) {
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
        private PythonCoreConsumer coreSuccessor;
        private DotnetPlatformConsumer platform;

        Consumers(String issuer, Path jwksFile) {
            this.issuer = issuer;
            this.jwksFile = jwksFile;
        }

        Verdict decide(Scheme scheme, String token, boolean expected) {
            try {
                return Verdict.accept(scheme, expected, principal(scheme, token));
            } catch (Rejected rejected) {
                return Verdict.reject(scheme, expected, rejected.status(), rejected.rule(), rejected.detail());
            } catch (RuntimeException | AssertionError e) {
                // Discovery or configuration failed before any rule ran: the consumer would not start or not answer.
                return Verdict.reject(scheme, expected, 503, Rule.JWKS_UNAVAILABLE, "cannot configure the consumer: " + e.getMessage());
            }
        }

        private Map<String, Object> principal(Scheme scheme, String token) throws Rejected {
            return switch (scheme) {
                case CORE_USER -> core(core().user(token));
                case CORE_SUCCESSOR_USER -> core(coreSuccessor().user(token));
                case CORE_INTERNAL -> core(core().internal(token, true));
                case PLUGIN_HOST -> pluginHost(PluginHostConsumer.fromEnv(keys(ContractEnv.pluginHost(issuer), "JWKS_URL")).authenticate(token));
                case PLATFORM_BEARER -> platform(token, false);
                case PLATFORM_INTERNAL_BEARER -> platform(token, true);
            };
        }

        private PythonCoreConsumer core() {
            if (core == null) {
                core = PythonCoreConsumer.fromEnv(coreEnv());
            }
            return core;
        }

        private PythonCoreConsumer coreSuccessor() {
            if (coreSuccessor == null) {
                coreSuccessor = PythonCoreConsumer.successorFromEnv(coreEnv());
            }
            return coreSuccessor;
        }

        private DotnetPlatformConsumer platform() {
            if (platform == null) {
                platform = DotnetPlatformConsumer.fromEnv(keys(ContractEnv.platform(issuer), "AUTH_JWKS_URL"));
            }
            return platform;
        }

        /** Core finds its keys through discovery; offline it is given issuer and JWKS directly (AUTH_ISSUER/AUTH_JWKS_URL). */
        private Map<String, String> coreEnv() {
            Map<String, String> env = new HashMap<>(ContractEnv.core(issuer));
            if (jwksFile != null) {
                env.put("AUTH_ISSUER", issuer);
                env.put("AUTH_JWKS_URL", jwksFile.toUri().toString());
            }
            return env;
        }

        private Map<String, String> keys(Map<String, String> env, String variable) {
            Map<String, String> copy = new HashMap<>(env);
            if (jwksFile != null) {
                copy.put(variable, jwksFile.toUri().toString());
            }
            return copy;
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
