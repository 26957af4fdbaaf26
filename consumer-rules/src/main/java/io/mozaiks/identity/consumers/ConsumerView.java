package io.mozaiks.identity.consumers;

import java.util.List;
import java.util.Set;

/**
 * What one consumer concludes from a token's claims with its env, before and apart from signature, time, issuer
 * and audience: who (user id, tenant, client id), what it may do (roles, admin levels, MFA), and whether it takes
 * the token for an internal service call. Computed by the same code the validating methods use.
 *
 * @param admin     the consumer's lower admin level (the platform's "platform admin"); consumers with one level
 *                  report it in both {@code admin} and {@code superAdmin}
 * @param internal  the consumer's internal-service endpoints would take the token (no user scope)
 */
public record ConsumerView(String userId, Set<String> roles, boolean admin, boolean superAdmin, boolean mfa,
                           boolean internal, String tenant, List<String> scopes, String clientId) {
}
