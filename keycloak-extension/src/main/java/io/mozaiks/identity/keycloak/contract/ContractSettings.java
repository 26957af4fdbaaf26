package io.mozaiks.identity.keycloak.contract;

import java.util.List;

/**
 * The values configured on the contract mapper, parsed. A value that failed to parse is {@code null}
 * and listed in {@link #problems()}, so the claim it feeds is omitted: fail closed.
 *
 * <p>None of these decide privilege: a client admin ({@code manage-clients}) can edit a mapper, so who
 * is an admin or an internal service lives in realm attributes instead ({@link PrivilegeSettings}).
 *
 * @param audiences      client ids added to {@code aud} of access tokens and introspection
 * @param requiredScope  the user scope consumers require (always present in user tokens)
 * @param tenant         {@code tid}; {@code null} = the realm name (unless {@link #hasProblem} says it is broken)
 * @param appIdAttribute client attribute that holds {@code app_id}
 */
public record ContractSettings(List<String> audiences, String requiredScope, String tenant, String appIdAttribute,
                               List<Problem> problems) {

    public static final String AUDIENCE = "mozaiks.audience";
    public static final String REQUIRED_SCOPE = "mozaiks.required.scope";
    public static final String TENANT = "mozaiks.tenant";
    public static final String APP_ID_ATTRIBUTE = "mozaiks.app.id.client.attribute";

    /** One config value that cannot be used, and why. */
    public record Problem(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    public boolean hasProblem(String key) {
        return problems.stream().anyMatch(p -> p.key().equals(key));
    }
}
