package io.mozaiks.identity.keycloak.claims;

import java.util.List;
import java.util.Locale;

/**
 * {@code acr} is Keycloak's, except that a value claiming MFA must agree with the contract's own MFA
 * rule: .NET's MFA policy also accepts {@code acr} containing {@code mfa}, and a client admin can map
 * any level of assurance to that name ({@code acr.loa.map}).
 */
public final class AcrClaim {

    private AcrClaim() {
    }

    /** @return whether {@code acr} may stay in a token whose contract {@code amr} is {@code amr} */
    public static boolean keep(String acr, List<String> amr) {
        if (acr == null || !acr.toLowerCase(Locale.ROOT).contains(AmrClaim.MFA)) {
            return true;
        }
        return amr != null && amr.contains(AmrClaim.MFA);
    }
}
