package io.mozaiks.identity.consumers;

import java.util.Map;

/** The claim-reading settings of core's runtime, with core's defaults; {@code scpOnly} = the successor runtime. */
record CoreOptions(String requiredScope, String userIdClaim, String emailClaim, String rolesClaim, boolean scpOnly) {

    static CoreOptions fromEnv(Map<String, String> variables, boolean scpOnly) {
        ConsumerEnv env = new ConsumerEnv(variables);
        return new CoreOptions(env.get("AUTH_REQUIRED_SCOPE", "access_as_user"), env.get("AUTH_USER_ID_CLAIM", "sub"),
                env.get("AUTH_EMAIL_CLAIM", "email"), env.get("AUTH_ROLES_CLAIM", "roles"), scpOnly);
    }
}
