package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.claims.AcrClaim;
import io.mozaiks.identity.keycloak.claims.AmrClaim;
import io.mozaiks.identity.keycloak.claims.AudienceClaim;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.claims.ScopeClaim;
import io.mozaiks.identity.keycloak.claims.TokenKind;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsCache;
import io.mozaiks.identity.keycloak.contract.ContractV1;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsCache;
import io.mozaiks.identity.keycloak.email.TokenEmail;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.util.Time;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the contract claims into a token, one small step per claim; the rules themselves are pure
 * functions in {@code claims/} and {@code contract/}. {@link ContractMapper} decides when this runs.
 */
final class ContractTokenWriter {

    private ContractTokenWriter() {
    }

    /** Sets every contract claim of an access token (or introspection answer) of a counting contract mapper. */
    static void write(AccessToken accessToken, ProtocolMapperModel model, KeycloakSession session,
                      UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        RealmModel realm = userSession.getRealm();
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        ContractSettings settings = ContractSettingsCache.get(model.getConfig()); // parsed once per config, not per token
        PrivilegeSettings privileges = PrivilegeSettingsCache.getByAttribute(realm::getAttribute, model.getConfig());
        settings.problems().forEach(p -> ProblemLog.once(realm.getName(), client.getClientId(), model.getName(), p.toString()));
        privileges.problems().forEach(p -> ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                "realm setting " + p));

        UserModel user = userSession.getUser();
        List<String> realmRoles = clientSessionCtx.getRolesStream()
                .filter(role -> !role.isClientRole())
                .map(RoleModel::getName)
                .collect(Collectors.toList());
        TokenKind kind = TokenKind.of(user.getServiceAccountClientLink(), client.getId(),
                clientSessionCtx.getAttribute(OAuth2Constants.GRANT_TYPE, String.class),
                privileges.valid() && privileges.mayBeInternal(client.getClientId())
                        && realmRoles.stream().anyMatch(privileges::isServiceOnly));
        Map<String, Object> claims = accessToken.getOtherClaims();

        stripReserved(accessToken);
        setAudience(accessToken, settings, realm, client, model, kind);
        setIdentity(accessToken, session, realm, user, client, kind.service());
        setScopes(accessToken, settings, kind.service());
        setRoles(claims, privileges, realm, realmRoles, kind);
        setTenant(claims, settings, realm);
        List<String> amr = setAmr(claims, realm, userSession, client, model, kind.service());
        if (!AcrClaim.keep(accessToken.getAcr(), amr)) {
            accessToken.setAcr(null);
            claims.remove(IDToken.ACR);
        }
        setAppId(claims, settings, client);
    }

    private static void stripReserved(AccessToken token) {
        token.setRealmAccess(null);
        token.setResourceAccess(null);
        ContractV1.STRIPPED_CLAIMS.forEach(token.getOtherClaims()::remove);
    }

    /**
     * The ID token: addressed to the client alone (OIDC Core), with Keycloak's own identity and none of the
     * claims a consumer reads as privilege or scope, so that it can never pass as an access token.
     */
    static void writeIdToken(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                             ClientSessionContext clientSessionCtx) {
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        ContractSettings settings = ContractSettingsCache.get(model.getConfig());
        ContractV1.STRIPPED_CLAIMS.forEach(token.getOtherClaims()::remove);
        removeAccessTokenClaims(token.getOtherClaims());
        // Addressed like a token no consumer accepts: the client itself (or, for the API client, not the API).
        token.audience(AudienceClaim.compute(null, settings.audiences(), client.getClientId(), TokenKind.OTHER_SERVICE)
                .toArray(String[]::new));
        ownIdentity(token, userSession.getUser(), client);
    }

    /** UserInfo (possibly a signed JWT): the profile stays, claims a consumer reads as privilege or scope go. */
    static void cleanUserInfo(AccessToken userInfo) {
        stripReserved(userInfo);
        removeAccessTokenClaims(userInfo.getOtherClaims());
    }

    /** What only an access token may carry: roles, scopes, tenant, app binding and client identifiers. */
    private static void removeAccessTokenClaims(Map<String, Object> claims) {
        List.of(ContractV1.CLAIM_ROLES, ContractV1.CLAIM_SCP, ContractV1.CLAIM_SCOPE, ContractV1.CLAIM_TENANT,
                ContractV1.CLAIM_APP_ID, "appid", "client_id").forEach(claims::remove);
    }

    /** {@code sub} and {@code azp} are Keycloak's, whatever a mapper with a lower priority wrote over them. */
    private static void ownIdentity(IDToken token, UserModel user, ClientModel client) {
        token.getOtherClaims().remove("sub");
        token.getOtherClaims().remove("azp");
        token.setSubject(user.getId());
        token.issuedFor(client.getClientId());
    }

    private static void setAudience(AccessToken token, ContractSettings settings, RealmModel realm, ClientModel client,
                                    ProtocolMapperModel model, TokenKind kind) {
        List<String> api = null;
        // A user token needs its required scope to be recognised as delegated; without one it would pass
        // as a service token, so a broken scope setting means no API audience at all (fail closed).
        if (settings.audiences() != null && (kind != TokenKind.USER || settings.requiredScope() != null)) {
            api = new ArrayList<>();
            for (String audience : settings.audiences()) {
                if (realm.getClientByClientId(audience) != null) {
                    api.add(audience);
                } else {
                    ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                            ContractSettings.AUDIENCE + ": client \"" + audience + "\" does not exist; not added to aud");
                }
            }
        }
        token.audience(AudienceClaim.compute(token.getAudience(), api, client.getClientId(), kind).toArray(String[]::new));
    }

    /**
     * Lightweight tokens drop the stock sub/profile/email mappers, so the contract sets these itself.
     * Keycloak's own mappers write them into the other-claims map while the token also has typed
     * fields of the same name: one is cleared, or the JSON would carry duplicate keys (which strict
     * JOSE libraries reject).
     */
    private static void setIdentity(AccessToken token, KeycloakSession session, RealmModel realm, UserModel user,
                                    ClientModel client, boolean serviceToken) {
        ownIdentity(token, user, client);
        if (serviceToken) {
            return;
        }
        Map<String, Object> claims = token.getOtherClaims();
        claims.remove(IDToken.PREFERRED_USERNAME);
        claims.remove(IDToken.NAME);
        claims.remove(IDToken.EMAIL);
        token.setPreferredUsername(user.getUsername());
        token.setName(fullName(user));
        token.setEmail(TokenEmail.of(session, realm, user)); // verified, and no other user has its name before @
    }

    private static String fullName(UserModel user) {
        String name = String.join(" ", Optional.ofNullable(user.getFirstName()).orElse(""),
                Optional.ofNullable(user.getLastName()).orElse("")).trim();
        return name.isEmpty() ? null : name;
    }

    private static void setScopes(AccessToken token, ContractSettings settings, boolean serviceToken) {
        if (serviceToken) {
            // .NET InternalBearer rejects any token that carries a scope at all.
            token.setScope(null);
            token.getOtherClaims().remove(ContractV1.CLAIM_SCP);
            return;
        }
        String scope = settings.requiredScope() == null ? token.getScope()
                : ScopeClaim.userScope(token.getScope(), settings.requiredScope());
        token.setScope(scope);
        if (scope == null || scope.isBlank()) {
            token.getOtherClaims().remove(ContractV1.CLAIM_SCP);
        } else {
            token.getOtherClaims().put(ContractV1.CLAIM_SCP, scope);
        }
    }

    private static void setRoles(Map<String, Object> claims, PrivilegeSettings privileges, RealmModel realm,
                                 List<String> realmRoles, TokenKind kind) {
        if (!privileges.valid()) {
            claims.remove(ContractV1.CLAIM_ROLES); // never an unfiltered list; realm_access is stripped too
            return;
        }
        RoleModel defaultRole = realm.getDefaultRole();
        claims.put(ContractV1.CLAIM_ROLES, RolesClaim.compute(realmRoles, defaultRole == null ? null : defaultRole.getName(),
                kind == TokenKind.INTERNAL_SERVICE, privileges::isServiceOnly, privileges.roleAliases()));
    }

    private static void setTenant(Map<String, Object> claims, ContractSettings settings, RealmModel realm) {
        if (settings.hasProblem(ContractSettings.TENANT)) {
            claims.remove(ContractV1.CLAIM_TENANT);
            return;
        }
        claims.put(ContractV1.CLAIM_TENANT, settings.tenant() != null ? settings.tenant() : realm.getName());
    }

    /** @return the amr the token now carries (empty when none) */
    private static List<String> setAmr(Map<String, Object> claims, RealmModel realm, UserSessionModel userSession,
                                       ClientModel client, ProtocolMapperModel model, boolean serviceToken) {
        claims.remove(ContractV1.CLAIM_AMR);
        if (serviceToken) {
            return List.of();
        }
        Map<String, Integer> completed;
        try {
            completed = AuthenticatorUtils.parseCompletedExecutions(userSession.getNote(Constants.AUTHENTICATORS_COMPLETED));
        } catch (IllegalStateException unreadable) {
            ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                    "amr: unreadable authenticators-completed session note");
            return List.of();
        }
        int notBefore = AmrClaim.notBefore(Time.currentTime(), sessionMaxLifespan(realm, userSession),
                authTime(userSession), realm.getAccessCodeLifespanLogin());
        List<String> amr = AmrClaim.compute(completed, notBefore,
                executionId -> Optional
                .ofNullable(realm.getAuthenticationExecutionById(executionId))
                .map(AuthenticationExecutionModel::getAuthenticator));
        if (!amr.isEmpty()) {
            claims.put(ContractV1.CLAIM_AMR, amr);
        }
        return amr;
    }

    /** When the session's latest (non-SSO) login finished; Keycloak keeps it as a user-session note. */
    private static Integer authTime(UserSessionModel userSession) {
        try {
            String value = userSession.getNote(AuthenticationManager.AUTH_TIME);
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    /**
     * The longest an SSO session may live: a factor older than that cannot belong to a live login. Offline
     * sessions outlive it, and their tokens then lose amr (Keycloak's own amr mapper uses a max age too).
     */
    private static int sessionMaxLifespan(RealmModel realm, UserSessionModel userSession) {
        int lifespan = realm.getSsoSessionMaxLifespan();
        if (userSession.isRememberMe() && realm.getSsoSessionMaxLifespanRememberMe() > 0) {
            lifespan = Math.max(lifespan, realm.getSsoSessionMaxLifespanRememberMe());
        }
        return lifespan;
    }

    /** Only the client's attribute counts ({@code mozaiks_app_id}, which core reads first, is stripped). */
    private static void setAppId(Map<String, Object> claims, ContractSettings settings, ClientModel client) {
        claims.remove(ContractV1.CLAIM_APP_ID);
        if (settings.appIdAttribute() == null) {
            return;
        }
        String appId = client.getAttribute(settings.appIdAttribute());
        if (appId != null && !appId.isBlank()) {
            claims.put(ContractV1.CLAIM_APP_ID, appId.trim());
        }
    }
}
