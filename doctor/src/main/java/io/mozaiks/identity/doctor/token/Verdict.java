package io.mozaiks.identity.doctor.token;

import io.mozaiks.identity.consumers.Rule;
import io.mozaiks.identity.consumers.TokenScheme;

import java.util.Map;

/**
 * What one consumer scheme decides: ACCEPT with the principal that consumer builds, or REJECT with the
 * HTTP status, the deciding rule and its fix. {@code expected} is false when the scheme is not meant for
 * this kind of token (a user token at InternalBearer): such a rejection is right, not a finding.
 */
public record Verdict(TokenScheme scheme, boolean accepted, boolean expected, int status, Rule rule, String detail,
                      Map<String, Object> principal) {

    static Verdict accept(TokenScheme scheme, boolean expected, Map<String, Object> principal) {
        return new Verdict(scheme, true, expected, 200, null, null, principal);
    }

    static Verdict reject(TokenScheme scheme, boolean expected, int status, Rule rule, String detail) {
        return new Verdict(scheme, false, expected, status, rule, detail, Map.of());
    }

    /** A scheme meant for this token that refuses it. */
    public boolean isFinding() {
        return expected && !accepted;
    }
}
