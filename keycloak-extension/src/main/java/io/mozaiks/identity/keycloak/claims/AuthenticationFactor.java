package io.mozaiks.identity.keycloak.claims;

import java.util.Map;
import java.util.Optional;

/**
 * What a Keycloak authenticator proves, as an RFC 8176 {@code amr} value and a factor class.
 * Authenticators not listed (cookie, conditions, identity-provider redirects) prove no factor here.
 *
 * @param amr     RFC 8176 method reference
 * @param kind    the factor class; {@code mfa} needs two distinct ones
 * @param primary true when this step starts a login (a first factor), so earlier steps belong to an older login
 */
public record AuthenticationFactor(String amr, Kind kind, boolean primary) {

    public enum Kind { KNOWLEDGE, POSSESSION }

    private static final Map<String, AuthenticationFactor> BY_AUTHENTICATOR = Map.of(
            "auth-username-password-form", new AuthenticationFactor("pwd", Kind.KNOWLEDGE, true),
            "auth-password-form", new AuthenticationFactor("pwd", Kind.KNOWLEDGE, true),
            "direct-grant-validate-password", new AuthenticationFactor("pwd", Kind.KNOWLEDGE, true),
            "auth-otp-form", new AuthenticationFactor("otp", Kind.POSSESSION, false),
            "direct-grant-validate-otp", new AuthenticationFactor("otp", Kind.POSSESSION, false),
            "webauthn-authenticator", new AuthenticationFactor("hwk", Kind.POSSESSION, false),
            "webauthn-authenticator-passwordless", new AuthenticationFactor("hwk", Kind.POSSESSION, true),
            "passkeys-authenticator", new AuthenticationFactor("hwk", Kind.POSSESSION, true),
            "auth-x509-client-username-form", new AuthenticationFactor("swk", Kind.POSSESSION, true),
            "direct-grant-auth-x509-username", new AuthenticationFactor("swk", Kind.POSSESSION, true));

    public static Optional<AuthenticationFactor> of(String authenticatorProviderId) {
        return Optional.ofNullable(authenticatorProviderId).map(BY_AUTHENTICATOR::get);
    }
}
