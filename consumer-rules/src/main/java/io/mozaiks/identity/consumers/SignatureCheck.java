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
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The part the consumers share: parse the JWS, pick the realm's key from the live JWKS, verify RS256,
 * then the registered claims (iss exact, aud contains, exp required, nbf/iat with leeway). The JWKS is
 * loaded once and never refetched, so an unknown kid stays unknown (as in plugin-host).
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
    private JWKSet keys;

    SignatureCheck(URL jwksUrl, Set<String> algorithms) {
        this.jwksUrl = jwksUrl;
        this.algorithms = algorithms;
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

    static JWTClaimsSet registeredClaims(SignedJWT jwt, String issuer, String audience, long leewaySeconds) throws Rejected {
        return registeredClaims(jwt, issuer, audience, leewaySeconds, true);
    }

    /**
     * @param audienceRequired false = python-jose: {@code aud} is checked only when the token HAS one,
     *                         so a token without {@code aud} passes (an empty list does not)
     */
    static JWTClaimsSet registeredClaims(SignedJWT jwt, String issuer, String audience, long leewaySeconds,
                                         boolean audienceRequired) throws Rejected {
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejected(401, Rule.NOT_A_JWT, "unreadable claims");
        }
        long now = System.currentTimeMillis();
        long leeway = leewaySeconds * 1000;
        if (claims.getExpirationTime() == null) {
            throw new Rejected(401, Rule.EXP_MISSING, "exp missing");
        }
        if (claims.getExpirationTime().getTime() + leeway < now) {
            throw new Rejected(401, Rule.EXPIRED, "expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.getTime() - leeway > now) {
            throw new Rejected(401, Rule.NOT_YET_VALID, "not yet valid (nbf)");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.getTime() - leeway > now) {
            throw new Rejected(401, Rule.NOT_YET_VALID, "issued in the future (iat)");
        }
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
        if (keys == null) {
            try {
                // file: is mozaiks-doctor's offline mode (--jwks FILE); consumers themselves fetch over HTTP(S).
                keys = "file".equals(jwksUrl.getProtocol()) ? JWKSet.load(new File(jwksUrl.toURI())) : JWKSet.load(jwksUrl);
            } catch (IOException | ParseException | URISyntaxException e) {
                throw new Rejected(401, Rule.JWKS_UNAVAILABLE, "JWKS not loadable from " + jwksUrl + ": " + e.getMessage());
            }
        }
        return keys;
    }
}
