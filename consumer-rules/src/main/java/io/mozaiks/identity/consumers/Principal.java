package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.List;

/** What a consumer made of an accepted token. */
public record Principal(String userId, String email, List<String> roles, List<String> scopes, String tenant,
                        String clientId, JWTClaimsSet claims) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasRoleIgnoreCase(String role) {
        return roles.stream().anyMatch(r -> r.equalsIgnoreCase(role));
    }
}
