package io.mozaiks.identity.consumers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The part the consumers share: parse the JWS, pick the realm's key from the live JWKS, verify RS256,
 * then the registered claims (iss exact, aud contains, exp required, nbf/iat with leeway) at the time of an
 * injected clock. The JWKS is loaded on first use; with a cache TTL (plugin-host) it is loaded again on the first
 * use once that TTL has passed since the last load, never earlier, so an unknown kid stays unknown until then.
 */
final class SignatureCheck {

    /** How a consumer treats the header's {@code kid}. */
    enum KidRule {
        /** PyJWT core: no kid, no key. */
        REQUIRED,
        /** .NET JwtBearer: without a kid every key is tried. */
        OPTIONAL_TRY_ALL,
        /** plugin-host: without a kid only a JWKS of exactly one key is usable. */
        OPTIONAL_IF_SINGLE_KEY
    }

    private final URL jwksUrl;
    private final Set<String> algorithms;
    private final Duration cacheTtl;
    private final Clock clock;
    private JWKSet keys;
    private Instant loadedAt;

    /** Keys loaded once and kept. */
    SignatureCheck(URL jwksUrl, Set<String> algorithms) {
        this(jwksUrl, algorithms, null, Clock.systemUTC());
    }

    /** @param cacheTtl null = keys loaded once and kept; else loaded again once this long has passed since the last load */
    SignatureCheck(URL jwksUrl, Set<String> algorithms, Duration cacheTtl, Clock clock) {
        this.jwksUrl = jwksUrl;
        this.algorithms = algorithms;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
    }

    SignedJWT verify(String token, boolean kidRequired) throws Rejected {
        return verify(token, kidRequired ? KidRule.REQUIRED : KidRule.OPTIONAL_TRY_ALL);
    }

    SignedJWT verify(String token, KidRule kidRule) throws Rejected {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new Rejected(401, Rule.NOT_A_JWT, "not a signed JWT: " + e.getMessage());
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!algorithms.contains(alg.getName())) {
            throw new Rejected(401, Rule.ALGORITHM, "algorithm " + alg + " not allowed");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null && kidRule == KidRule.REQUIRED) {
            throw new Rejected(401, Rule.KID_MISSING, "token header has no kid");
        }
        List<JWK> candidates = keys().getKeys();
        if (kid == null && kidRule == KidRule.OPTIONAL_IF_SINGLE_KEY && candidates.size() != 1) {
            throw new Rejected(401, Rule.KID_AMBIGUOUS, "token header has no kid and the JWKS holds " + candidates.size() + " keys");
        }
        for (JWK key : candidates) {
            if (kid != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            if (!(key instanceof RSAKey rsa)) {
                throw new Rejected(401, Rule.KEY_NOT_RSA, "key " + key.getKeyID() + " is not an RSA key");
            }
            try {
                if (jwt.verify(new RSASSAVerifier(rsa))) {
                    return jwt;
                }
            } catch (JOSEException e) {
                throw new Rejected(401, Rule.UNKNOWN_KID, "signature check failed: " + e.getMessage());
            }
        }
        throw new Rejected(401, Rule.UNKNOWN_KID, "no JWKS key verifies the signature (kid " + kid + ")");
    }

    static JWTClaimsSet registeredClaims(SignedJWT jwt, String issuer, String audience, Lifetime lifetime,
                                         long leewaySeconds, Clock clock) throws Rejected {
        return registeredClaims(jwt, issuer, audience, true, lifetime, leewaySeconds, clock);
    }

    /**
     * @param audienceRequired false = python-jose: {@code aud} is checked only when the token HAS one,
     *                         so a token without {@code aud} passes (an empty list does not)
     */
    static JWTClaimsSet registeredClaims(SignedJWT jwt, String issuer, String audience, boolean audienceRequired,
                                         Lifetime lifetime, long leewaySeconds, Clock clock) throws Rejected {
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejected(401, Rule.NOT_A_JWT, "unreadable claims");
        }
        lifetime.check(claims, leewaySeconds, clock);
        if (!issuer.equals(claims.getIssuer())) {
            throw new Rejected(401, Rule.ISSUER, "issuer " + claims.getIssuer() + " is not " + issuer);
        }
        if (!audienceRequired && claims.getClaim("aud") == null) {
            return claims;
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw new Rejected(401, Rule.AUDIENCE, "audience " + aud + " does not contain " + audience);
        }
        return claims;
    }

    private synchronized JWKSet keys() throws Rejected {
        Instant now = clock.instant();
        if (keys == null || (cacheTtl != null && !now.isBefore(loadedAt.plus(cacheTtl)))) {
            try {
                // file: is mozaiks-doctor's offline mode (--jwks FILE); consumers themselves fetch over HTTP(S).
                keys = "file".equals(jwksUrl.getProtocol()) ? JWKSet.load(new File(jwksUrl.toURI())) : JWKSet.load(jwksUrl);
                loadedAt = now;
            } catch (IOException | ParseException | URISyntaxException e) {
                throw new Rejected(401, Rule.JWKS_UNAVAILABLE, "JWKS not loadable from " + jwksUrl + ": " + e.getMessage());
            }
        }
        return keys;
    }
}
