package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.List;

/**
 * What a consumer made of an accepted token.
 *
 * @param capabilityId core's {@code mozaiks_capability_id}, else {@code capability_id}; null for the platform,
 *                     which does not read it
 */
public record Principal(String userId, String email, List<String> roles, List<String> scopes, String tenant,
                        String clientId, String capabilityId, JWTClaimsSet claims) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The platform's comparison: .NET {@code OrdinalIgnoreCase}. */
    public boolean hasRoleIgnoreCase(String role) {
        return roles.stream().anyMatch(r -> OrdinalIgnoreCase.equals(r, role));
    }
}
