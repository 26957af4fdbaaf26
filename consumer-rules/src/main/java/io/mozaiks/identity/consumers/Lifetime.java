package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Clock;
import java.util.Date;

/**
 * How each consumer's JWT library checks {@code exp}, {@code nbf} and {@code iat} against its clock, with its leeway:
 * the libraries differ at the boundary, in whether {@code exp} is required and in whether {@code iat} is checked.
 */
enum Lifetime {
    /**
     * PyJWT {@code jwt.decode} (core, with {@code require=["exp", ...]}): float seconds; expired when
     * {@code exp <= now - leeway}; {@code nbf} and {@code iat} must not be later than {@code now + leeway}.
     */
    PYJWT,
    /**
     * python-jose {@code jwt.decode} (plugin-host): whole seconds ({@code timegm(utcnow())}); {@code exp} checked only
     * when present, expired when {@code exp < now - leeway}; {@code nbf} not later than {@code now + leeway};
     * {@code iat} is only required to be an integer.
     */
    PYTHON_JOSE,
    /**
     * ASP.NET JwtBearer {@code ValidateLifetime} (platform): {@code exp} required, expired when
     * {@code exp < now - ClockSkew}; {@code nbf} not later than {@code now + ClockSkew}; {@code iat} not checked.
     */
    JWT_BEARER;

    void check(JWTClaimsSet claims, long leewaySeconds, Clock clock) throws Rejected {
        long leeway = leewaySeconds * 1000;
        long now = this == PYTHON_JOSE ? Math.floorDiv(clock.millis(), 1000) * 1000 : clock.millis();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            if (this != PYTHON_JOSE) {
                throw new Rejected(401, Rule.EXP_MISSING, "exp missing");
            }
        } else if (this == PYJWT ? exp.getTime() <= now - leeway : exp.getTime() < now - leeway) {
            throw new Rejected(401, Rule.EXPIRED, "expired at " + exp.toInstant() + " (leeway " + leewaySeconds + " s)");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.getTime() > now + leeway) {
            throw new Rejected(401, Rule.NOT_YET_VALID, "not yet valid (nbf " + nbf.toInstant() + ")");
        }
        Date iat = claims.getIssueTime();
        if (this == PYJWT && iat != null && iat.getTime() > now + leeway) {
            throw new Rejected(401, Rule.NOT_YET_VALID, "issued in the future (iat " + iat.toInstant() + ")");
        }
    }
}
