package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.List;

/** What plugin-host made of an accepted token; it has no notion of a service token, so this is always a "user". */
public record PluginPrincipal(String userId, String username, List<String> roles, boolean superAdmin, String appId,
                              JWTClaimsSet claims) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
