package io.mozaiks.identity.keycloak.claims;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * RFC 8176 {@code amr} for the login that produced the session's current authentication.
 *
 * <p>Keycloak's {@code authenticators-completed} note keeps every step ever completed in the SSO
 * session (execution id -> epoch second). A later password-only {@code prompt=login} re-login must
 * not inherit an older OTP, so only steps completed at or after the most recent FIRST factor count.
 * Times are whole seconds: a re-login within the same second as the old second factor is not told
 * apart (documented in the contract). Steps older than the longest possible SSO session do not count
 * either: an offline session keeps the note for weeks, and its tokens must not keep {@code mfa} that long.
 */
public final class AmrClaim {

    public static final String MFA = "mfa";

    private AmrClaim() {
    }

    /**
     * The earliest completion time that still counts, or {@link Integer#MIN_VALUE} without a limit.
     *
     * @param now                    epoch seconds
     * @param sessionMaxLifespanSecs the realm's SSO session max lifespan; 0 or less = no limit
     */
    public static int notBefore(int now, int sessionMaxLifespanSecs) {
        return sessionMaxLifespanSecs > 0 ? now - sessionMaxLifespanSecs : Integer.MIN_VALUE;
    }

    /**
     * Also bounded by the session's latest login: it ended at {@code authTime} and took at most the realm's
     * login timeout, so a step completed earlier belongs to an older login - e.g. the password and OTP of
     * a session whose latest login went through an identity provider, which completes no step we can name.
     *
     * @param authTime          the session's latest login (Keycloak's AUTH_TIME note), or {@code null}
     * @param loginLifespanSecs the realm's login timeout; 0 or less = no bound
     */
    public static int notBefore(int now, int sessionMaxLifespanSecs, Integer authTime, int loginLifespanSecs) {
        int bound = notBefore(now, sessionMaxLifespanSecs);
        if (authTime != null && loginLifespanSecs > 0) {
            bound = Math.max(bound, authTime - loginLifespanSecs);
        }
        return bound;
    }

    /**
     * @param completedExecutions execution id -> completion time (epoch seconds)
     * @param notBefore           steps completed earlier are ignored (see {@link #notBefore(int, int)})
     * @param authenticatorOf     execution id -> authenticator provider id, empty if unknown
     * @return the amr values, sorted, with {@code mfa} when two distinct factor classes were completed;
     *         empty when no first factor is known (fail closed: never claim a factor we cannot place)
     */
    public static List<String> compute(Map<String, Integer> completedExecutions, int notBefore,
                                       Function<String, Optional<String>> authenticatorOf) {
        Map<AuthenticationFactor, Integer> factors = new java.util.HashMap<>();
        int loginStart = Integer.MIN_VALUE;
        for (Map.Entry<String, Integer> step : completedExecutions.entrySet()) {
            Optional<AuthenticationFactor> factor = authenticatorOf.apply(step.getKey()).flatMap(AuthenticationFactor::of);
            if (factor.isEmpty() || step.getValue() == null || step.getValue() < notBefore) {
                continue;
            }
            factors.merge(factor.get(), step.getValue(), Math::max);
            if (factor.get().primary()) {
                loginStart = Math.max(loginStart, step.getValue());
            }
        }
        if (loginStart == Integer.MIN_VALUE) {
            return List.of();
        }
        Set<String> amr = new TreeSet<>();
        Set<AuthenticationFactor.Kind> kinds = EnumSet.noneOf(AuthenticationFactor.Kind.class);
        for (Map.Entry<AuthenticationFactor, Integer> factor : factors.entrySet()) {
            if (factor.getValue() >= loginStart) {
                amr.add(factor.getKey().amr());
                kinds.add(factor.getKey().kind());
            }
        }
        if (kinds.size() >= 2) {
            amr.add(MFA);
        }
        return List.copyOf(amr);
    }
}
