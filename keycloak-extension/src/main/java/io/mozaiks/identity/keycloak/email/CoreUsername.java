package io.mozaiks.identity.keycloak.email;

import java.util.Locale;
import java.util.Optional;

/**
 * The name mozaiks-core gives a user: everything before the FIRST {@code @} of the token's email (core splits
 * once at {@code @}; docs/consumer-findings.md), else the {@code sub}. For a quoted local part such as
 * {@code "a@b"@example.com} that is {@code "a}, not the RFC 5321 local part: what counts is what core computes.
 * Nothing is folded beyond case: core does not strip {@code +tags} or dots, so {@code alice+x} and {@code alice}
 * are different names for core and are not a collision here.
 */
public final class CoreUsername {

    private CoreUsername() {
    }

    /** The name core derives from this email, or empty when core would fall back to {@code sub}. */
    public static Optional<String> of(String email) {
        if (email == null || email.isEmpty()) {
            return Optional.empty(); // Python: an empty email is falsy
        }
        int at = email.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(email.substring(0, at));
    }

    /**
     * The comparison key: Keycloak stores emails lower-cased ({@code toLowerCase}), so two names whose lower-case
     * forms are equal reach core as the same string. ROOT locale, as a server's locale must not change who collides.
     */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** True when both emails give core the same name, ignoring case. */
    public static boolean sameName(String emailA, String emailB) {
        Optional<String> a = of(emailA);
        Optional<String> b = of(emailB);
        return a.isPresent() && b.isPresent() && key(a.get()).equals(key(b.get()));
    }
}
