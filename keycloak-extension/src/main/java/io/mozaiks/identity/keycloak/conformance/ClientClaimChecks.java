package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.Contract;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What other mappers and client settings do to a contract client's tokens: claims only the contract may
 * decide, consent that hides the API access, and tokens that could carry no {@code aud}.
 */
public final class ClientClaimChecks {

    public static final String FOREIGN_CLAIM_MAPPERS = "foreign-claim-mappers";
    public static final String THIRD_PARTY_CLIENT = "third-party-client";
    public static final String TOKEN_AUDIENCE = "plugin-host-audience";
    public static final String API_AUDIENCE_OUTSIDE_CONTRACT = "api-audience-outside-contract";
    public static final String CLIENT_ID_COLLISION = "client-id-collision";

    private ClientClaimChecks() {
    }

    /**
     * A mapper that writes a claim the contract owns or strips.
     *
     * @param stock true for Keycloak's own {@code roles} and {@code acr} scopes: their output is stripped or owned anyway
     */
    public record ClaimWriter(String mapper, String providerId, String claim, String source, boolean stock) {
        @Override
        public String toString() {
            return mapper + " (" + providerId + ", writes " + claim + ", in " + source + ")";
        }
    }

    public static Check foreignClaimMappers(String clientId, List<ClaimWriter> writers) {
        List<ClaimWriter> foreign = writers.stream().filter(w -> !w.stock()).toList();
        if (!foreign.isEmpty()) {
            return Check.fail(FOREIGN_CLAIM_MAPPERS, clientId, "mappers write claims that only the contract decides or that"
                            + " consumers read as privilege (the contract strips or overwrites them, but they signal an attempt"
                            + " or a mistake): " + foreign.stream().map(Object::toString).collect(Collectors.joining("; ")),
                    "Remove those mappers from client " + clientId + " and its client scopes");
        }
        if (!writers.isEmpty()) {
            return Check.warn(FOREIGN_CLAIM_MAPPERS, clientId, "Keycloak's stock scopes write claims the contract strips"
                            + " or owns: " + writers.stream().map(Object::toString).collect(Collectors.joining("; ")),
                    "Optional: remove the client scopes roles and acr from client " + clientId + " (contract tokens never carry"
                            + " realm_access/resource_access, and acr claiming mfa is kept only with the contract's own mfa)");
        }
        return Check.pass(FOREIGN_CLAIM_MAPPERS, clientId);
    }

    /**
     * A client that asks users for consent is a third-party application: the consent screen must show the
     * API access, and it must not receive every role of the user.
     */
    public static Check thirdParty(String clientId, boolean consentRequired, boolean scopeShownOnConsent,
                                   boolean fullScopeAllowed) {
        if (!consentRequired || (scopeShownOnConsent && !fullScopeAllowed)) {
            return Check.pass(THIRD_PARTY_CLIENT, clientId);
        }
        String why = !scopeShownOnConsent
                ? "client scope " + Contract.CONTRACT_SCOPE + " is hidden from the consent screen, so users grant API access"
                + " and their roles without seeing it"
                : "it has Full scope allowed, so it receives every role of the user, admin roles included";
        return Check.fail(THIRD_PARTY_CLIENT, clientId, "third-party client (consent required): " + why,
                !scopeShownOnConsent
                        ? "Client scopes > " + Contract.CONTRACT_SCOPE + ": switch Display on consent screen on"
                        : "Clients > " + clientId + " > Client scopes > Dedicated scope > Scope: switch Full scope allowed off"
                        + " and add only the roles this application needs");
    }

    /** @param clients enabled clients that can obtain tokens but whose tokens may carry no {@code aud} */
    public static Check tokenAudience(List<String> clients) {
        if (clients.isEmpty()) {
            return Check.pass(TOKEN_AUDIENCE, "realm");
        }
        return Check.warn(TOKEN_AUDIENCE, "realm", "tokens of these clients may carry no aud, and mozaiks-core's"
                        + " plugin-host accepts a token without aud when issuer and signature match: " + String.join(", ", clients),
                "Give each an audience of its own (an Audience mapper naming the client itself) or the client scope "
                        + Contract.CONTRACT_SCOPE + "; disable clients nobody uses (docs/consumer-findings.md)");
    }

    /**
     * Tokens that carry the API audience without the contract scope: the contract mapper never sees them,
     * so nothing strips or owns their claims, and any mapper a client admin adds (a hard-coded {@code roles},
     * {@code scp}) reaches the consumers as it is.
     *
     * @param sources e.g. "client app-x (Audience mapper aud-api)", "client mozaiks-api has client roles (audience resolve)"
     */
    public static Check apiAudienceOutsideContract(List<String> sources) {
        if (sources.isEmpty()) {
            return Check.pass(API_AUDIENCE_OUTSIDE_CONTRACT, "realm");
        }
        return Check.fail(API_AUDIENCE_OUTSIDE_CONTRACT, "realm", "tokens without the contract scope can carry the API"
                        + " audience, so the contract never checks their claims (a hard-coded roles claim would reach every"
                        + " consumer): " + String.join("; ", sources),
                "Remove those Audience mappers and the API audience client's client roles; a client that calls the API"
                        + " gets client scope " + Contract.CONTRACT_SCOPE + " as Default instead");
    }

    /**
     * Client ids mozaiks-platform cannot tell apart: it compares {@code AUTH_ALLOWED_CLIENT_IDS} ignoring case and
     * splits it on commas, so such a client passes as another (an internal service client, say).
     *
     * @param unsafe client id -> why (from {@link io.mozaiks.identity.keycloak.contract.PlatformClientIds#unsafe})
     */
    public static Check clientIdCollisions(Map<String, String> unsafe) {
        if (unsafe.isEmpty()) {
            return Check.pass(CLIENT_ID_COLLISION, "realm");
        }
        return Check.fail(CLIENT_ID_COLLISION, "realm", "client ids that mozaiks-platform reads as another client's"
                        + " (it compares client ids ignoring case and splits its allow-list on commas): "
                        + unsafe.entrySet().stream().limit(20).map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining("; ")) + (unsafe.size() > 20 ? "; ... and " + (unsafe.size() - 20) + " more" : ""),
                "Rename those clients so that no two client ids differ only in case and none contains a comma;"
                        + " until then /env/platform leaves them out of AUTH_ALLOWED_CLIENT_IDS");
    }
}
