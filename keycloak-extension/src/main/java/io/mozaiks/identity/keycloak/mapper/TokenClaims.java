package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.claims.AcrClaim;
import io.mozaiks.identity.keycloak.claims.AudienceClaim;
import io.mozaiks.identity.keycloak.claims.ForeignClaims;
import io.mozaiks.identity.keycloak.claims.ScopeClaim;
import io.mozaiks.identity.keycloak.claims.TokenKind;
import io.mozaiks.identity.keycloak.contract.Contract;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ContractDecision} into a token object: no Keycloak session or model, so the property tests
 * run it on hostile tokens exactly as the server does. Order matters: what other mappers wrote is stripped
 * first, then every contract claim is set, so nothing a foreign mapper wrote can stand beside it.
 */
final class TokenClaims {

    private TokenClaims() {
    }

    /** An access token or introspection answer of a counting contract mapper. */
    static void applyToAccessToken(AccessToken token, ContractDecision decision) {
        token.setRealmAccess(null);
        token.setResourceAccess(null);
        ForeignClaims.strip(token.getOtherClaims());
        Map<String, Object> claims = token.getOtherClaims();
        token.audience(AudienceClaim.compute(token.getAudience(), decision.apiAudiences(), decision.clientId(),
                decision.kind()).toArray(String[]::new));
        ownIdentity(token, decision.subject(), decision.clientId());
        // Keycloak's profile mappers write these into the claims map while the token also has fields of the same
        // name: the map copies go (both would be duplicate JSON keys, which strict JOSE libraries reject), and the
        // fields hold the subject's own values, for service tokens too (core names a principal by its email).
        claims.remove(IDToken.PREFERRED_USERNAME);
        claims.remove(IDToken.NAME);
        claims.remove(IDToken.EMAIL);
        token.setPreferredUsername(decision.preferredUsername());
        token.setName(decision.name());
        token.setEmail(decision.email());
        setScopes(token, decision);
        putOrRemove(claims, Contract.CLAIM_ROLES, decision.roles());
        putOrRemove(claims, Contract.CLAIM_TENANT, decision.tenant());
        putOrRemove(claims, Contract.CLAIM_AMR, decision.amr().isEmpty() ? null : decision.amr());
        if (!AcrClaim.keep(token.getAcr(), decision.amr())) {
            token.setAcr(null);
        }
        putOrRemove(claims, Contract.CLAIM_APP_ID, decision.appId());
    }

    /**
     * The ID token: addressed to the client alone (OIDC Core), with Keycloak's own identity and none of the
     * claims a consumer reads as privilege or scope, so that it can never pass as an access token.
     *
     * @param apiAudiences the contract's API audiences ({@code null} when that setting is broken)
     */
    static void applyToIdToken(IDToken token, String subject, String clientId, List<String> apiAudiences) {
        ForeignClaims.strip(token.getOtherClaims());
        removeAccessTokenClaims(token.getOtherClaims());
        // Addressed like a token no consumer accepts: the client itself (or, for the API client, not the API).
        token.audience(AudienceClaim.compute(null, apiAudiences, clientId, TokenKind.OTHER_SERVICE).toArray(String[]::new));
        ownIdentity(token, subject, clientId);
    }

    /** UserInfo (possibly a signed JWT): the profile stays, claims a consumer reads as privilege or scope go. */
    static void applyToUserInfo(AccessToken userInfo) {
        userInfo.setRealmAccess(null);
        userInfo.setResourceAccess(null);
        ForeignClaims.strip(userInfo.getOtherClaims());
        removeAccessTokenClaims(userInfo.getOtherClaims());
    }

    /** What only an access token may carry: roles, scopes, tenant, app binding and client identifiers. */
    private static void removeAccessTokenClaims(Map<String, Object> claims) {
        List.of(Contract.CLAIM_ROLES, Contract.CLAIM_SCP, Contract.CLAIM_SCOPE, Contract.CLAIM_TENANT,
                Contract.CLAIM_APP_ID, "appid", "client_id").forEach(claims::remove);
    }

    /** {@code sub} and {@code azp} are Keycloak's, whatever a mapper with a lower priority wrote over them. */
    private static void ownIdentity(IDToken token, String subject, String clientId) {
        token.setSubject(subject);
        token.issuedFor(clientId);
    }

    private static void setScopes(AccessToken token, ContractDecision decision) {
        Map<String, Object> claims = token.getOtherClaims();
        if (decision.kind().service()) {
            // .NET InternalBearer rejects any token that carries a scope at all.
            token.setScope(null);
            claims.remove(Contract.CLAIM_SCP);
            return;
        }
        String scope = decision.requiredScope() == null ? token.getScope()
                : ScopeClaim.userScope(token.getScope(), decision.requiredScope());
        token.setScope(scope);
        putOrRemove(claims, Contract.CLAIM_SCP, scope == null || scope.isBlank() ? null : scope);
    }

    private static void putOrRemove(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
    }
}
