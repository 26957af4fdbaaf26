package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.tokensize.TokenBudget;

import java.util.Optional;

/** The token-size budget: per contract client the largest estimated access token against the realm's budget. Pure. */
final class TokenSizeChecks {

    static final String BUDGET = "token-size-budget";
    static final String TOKEN_SIZE = "token-size";
    private static final String LIMITS = "docs/operations.md (Token size: limits on the way)";

    private TokenSizeChecks() {
    }

    /** The realm's budget settings: invalid values fall back to the defaults, with a warning. */
    static Check budget(TokenSizeFacts facts) {
        if (!facts.budget().problems().isEmpty()) {
            return Check.warn(BUDGET, "realm", String.join("; ", facts.budget().problems()),
                    "Set token_size_warn_bytes and token_size_fail_bytes (" + TokenBudget.MIN + ".." + TokenBudget.MAX
                            + ", warn <= fail) through PUT <issuer>/mozaiks/contract/settings");
        }
        return Check.pass(BUDGET, "realm");
    }

    static Check tokenSize(String clientId, TokenSizeFacts facts) {
        Optional<TokenSizeFacts.LargestToken> found = facts.client(clientId);
        if (found.isEmpty()) {
            return Check.pass(TOKEN_SIZE, clientId);
        }
        TokenSizeFacts.LargestToken largest = found.get();
        TokenBudget budget = facts.budget();
        String estimate = "its largest access token is estimated at " + largest.bytes() + " bytes (" + largest.roles()
                + " roles, from " + largest.source() + ")" + (facts.capped() ? "; only " + facts.usersScanned()
                + " users and " + facts.groupsScanned() + " groups were scanned, a larger one may exist" : "");
        String fix = "Give this client fewer roles: turn off Full scope allowed and map only the roles it needs (Client"
                + " scopes > Dedicated scope > Scope), or split roles across groups; else raise every proxy's and"
                + " consumer's header limit (" + LIMITS + ") and the realm budget";
        if (largest.bytes() > budget.failBytes()) {
            return Check.fail(TOKEN_SIZE, clientId, estimate + ", above the fail budget of " + budget.failBytes()
                    + " bytes: servers with 16 KB header limits answer 431 or 400", fix);
        }
        if (largest.bytes() > budget.warnBytes()) {
            return Check.warn(TOKEN_SIZE, clientId, estimate + ", above the warn budget of " + budget.warnBytes()
                    + " bytes: nginx and ingress-nginx refuse header lines above 8 KB by default", fix);
        }
        return Check.pass(TOKEN_SIZE, clientId);
    }
}
