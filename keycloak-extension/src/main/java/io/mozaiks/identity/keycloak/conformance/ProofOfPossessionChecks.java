package io.mozaiks.identity.keycloak.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Contract tokens must be Bearer tokens: all three consumers read only {@code Authorization: Bearer} and check no
 * proof (docs/consumer-findings.md). A DPoP-bound access token ({@code cnf.jkt}) is either refused (the client
 * sends {@code Authorization: DPoP}) or accepted as Bearer WITHOUT its binding, a silent downgrade.
 */
public final class ProofOfPossessionChecks {

    public static final String DPOP_BOUND = "dpop-bound-tokens";
    /** Keycloak's client attribute that binds every access token of the client to a DPoP key. */
    public static final String DPOP_CLIENT_ATTRIBUTE = "dpop.bound.access.tokens";
    /** Keycloak's client-policy executor that requires (and may switch on) DPoP binding. */
    public static final String DPOP_EXECUTOR = "dpop-bind-enforcer";

    private ProofOfPossessionChecks() {
    }

    /**
     * An enabled client policy whose profiles include {@link #DPOP_EXECUTOR}. Its conditions are not evaluated:
     * whether they match a client can change with each request (scopes, grant type) and with client edits, so
     * any such policy counts for every contract client (conservative on purpose).
     *
     * @param conditions the condition provider ids, e.g. {@code client-scopes}, {@code any-client}
     */
    public record DpopPolicy(String name, String profile, List<String> conditions) {
        @Override
        public String toString() {
            return "client policy \"" + name + "\" (profile \"" + profile + "\" has executor " + DPOP_EXECUTOR
                    + (conditions.isEmpty() ? "; no condition" : "; conditions " + String.join(", ", conditions)) + ")";
        }
    }

    /**
     * @param attributeBound the client attribute {@link #DPOP_CLIENT_ATTRIBUTE} is {@code true}
     * @param policies       the realm's enabled client policies that can enforce DPoP binding
     */
    public static Check dpopBound(String clientId, boolean attributeBound, List<DpopPolicy> policies) {
        List<String> sources = new ArrayList<>();
        if (attributeBound) {
            sources.add("client attribute " + DPOP_CLIENT_ATTRIBUTE + "=true (Advanced > Require DPoP bound tokens)");
        }
        policies.forEach(p -> sources.add(p.toString()));
        if (sources.isEmpty()) {
            return Check.pass(DPOP_BOUND, clientId);
        }
        return Check.fail(DPOP_BOUND, clientId, "access tokens of " + clientId + " are or may be DPoP-bound (cnf.jkt), but"
                        + " every consumer accepts only 'Authorization: Bearer' and checks no proof: a DPoP client is refused,"
                        + " and the token sent as Bearer loses its binding. Source: " + String.join("; ", sources),
                "Clients > " + clientId + " > Advanced: switch Require DPoP bound tokens off; Realm settings > Client"
                        + " policies: disable or remove the policies named (their conditions are not evaluated: any enabled"
                        + " policy with " + DPOP_EXECUTOR + " fails every contract client); a client that needs DPoP must"
                        + " not carry the contract scope");
    }
}
