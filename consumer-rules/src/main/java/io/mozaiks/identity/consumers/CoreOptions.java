package io.mozaiks.identity.consumers;

import java.util.Map;

/** The claim-reading settings of core's runtime, with core's defaults. */
record CoreOptions(String requiredScope, String userIdClaim, String emailClaim, String rolesClaim) {

    static CoreOptions fromEnv(Map<String, String> variables) {
        ConsumerEnv env = new ConsumerEnv(variables);
        return new CoreOptions(env.get(CoreVariables.REQUIRED_SCOPE), env.get(CoreVariables.USER_ID_CLAIM),
                env.get(CoreVariables.EMAIL_CLAIM), env.get(CoreVariables.ROLES_CLAIM));
    }
}
