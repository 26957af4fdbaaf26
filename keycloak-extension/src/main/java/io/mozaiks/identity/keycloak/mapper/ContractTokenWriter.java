package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.claims.AmrClaim;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.claims.TokenKind;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsCache;
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

import io.mozaiks.identity.keycloak.metrics.FailClosedReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads what Keycloak granted a token (client session roles, service account, settings, completed
 * authentication steps) into a {@link ContractDecision}; {@link TokenClaims} writes it. The rules themselves
 * are pure functions in {@code claims/} and {@code contract/}. {@link ContractMapper} decides when this runs.
 */
final class ContractTokenWriter {

    private ContractTokenWriter() {
    }

    /** Sets every contract claim of an access token (or introspection answer) of a counting contract mapper. */
    static ContractDecision write(AccessToken accessToken, ProtocolMapperModel model, KeycloakSession session,
                                  UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        ContractDecision decision = decide(model, session, userSession, clientSessionCtx);
        TokenClaims.applyToAccessToken(accessToken, decision);
        return decision;
    }

    static ContractDecision decide(ProtocolMapperModel model, KeycloakSession session, UserSessionModel userSession,
                                   ClientSessionContext clientSessionCtx) {
        RealmModel realm = userSession.getRealm();
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        ContractSettings settings = ContractSettingsCache.get(model.getConfig()); // parsed once per config, not per token
        PrivilegeSettings privileges = PrivilegeSettingsCache.getByAttribute(realm::getAttribute, model.getConfig());
        Set<FailClosedReason> omissions = EnumSet.noneOf(FailClosedReason.class);
        if (!settings.problems().isEmpty()) {
            omissions.add(FailClosedReason.MAPPER_SETTING);
            settings.problems().forEach(p -> ProblemLog.once(realm.getName(), client.getClientId(), model.getName(), p.toString()));
        }
        if (!privileges.problems().isEmpty()) {
            omissions.add(FailClosedReason.PRIVILEGE_SETTINGS);
            privileges.problems().forEach(p -> ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                    "realm setting " + p));
        }

        UserModel user = userSession.getUser();
        List<String> realmRoles = clientSessionCtx.getRolesStream()
                .filter(role -> !role.isClientRole())
                .map(RoleModel::getName)
                .collect(Collectors.toList());
        TokenKind kind = TokenKind.of(user.getServiceAccountClientLink(), client.getId(),
                clientSessionCtx.getAttribute(OAuth2Constants.GRANT_TYPE, String.class),
                privileges.valid() && privileges.mayBeInternal(client.getClientId())
                        && realmRoles.stream().anyMatch(privileges::isServiceOnly));
        String email = TokenEmail.of(session, realm, user); // verified, and no other user has its name before @
        if (email == null && user.isEmailVerified() && user.getEmail() != null) {
            omissions.add(FailClosedReason.EMAIL_NAME_COLLISION);
        }
        return new ContractDecision(kind, user.getId(), client.getClientId(),
                apiAudiences(settings, realm, client, model, kind, omissions), settings.requiredScope(),
                user.getUsername(), fullName(user), email,
                roles(privileges, realm, realmRoles, kind),
                settings.hasProblem(ContractSettings.TENANT) ? null
                        : settings.tenant() != null ? settings.tenant() : realm.getName(),
                kind.service() ? List.of() : amr(realm, userSession, client, model, omissions),
                appId(settings, client), omissions);
    }

    /** The ID token: addressed to the client alone, Keycloak's own identity, no privilege or scope claims. */
    static void writeIdToken(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                             ClientSessionContext clientSessionCtx) {
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        TokenClaims.applyToIdToken(token, userSession.getUser().getId(), client.getClientId(),
                ContractSettingsCache.get(model.getConfig()).audiences());
    }

    /**
     * The API audiences to add. A user token needs its required scope to be recognised as delegated; without
     * one it would pass as a service token, so a broken scope setting means no API audience at all (fail closed).
     */
    private static List<String> apiAudiences(ContractSettings settings, RealmModel realm, ClientModel client,
                                             ProtocolMapperModel model, TokenKind kind, Set<FailClosedReason> omissions) {
        if (settings.audiences() == null || (kind == TokenKind.USER && settings.requiredScope() == null)) {
            return null;
        }
        List<String> api = new ArrayList<>();
        for (String audience : settings.audiences()) {
            if (realm.getClientByClientId(audience) != null) {
                api.add(audience);
            } else {
                omissions.add(FailClosedReason.AUDIENCE_CLIENT_MISSING);
                ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                        ContractSettings.AUDIENCE + ": client \"" + audience + "\" does not exist; not added to aud");
            }
        }
        return api;
    }

    private static String fullName(UserModel user) {
        String name = String.join(" ", Optional.ofNullable(user.getFirstName()).orElse(""),
                Optional.ofNullable(user.getLastName()).orElse("")).trim();
        return name.isEmpty() ? null : name;
    }

    /** Never an unfiltered list: with invalid privilege settings there is no roles claim at all. */
    private static List<String> roles(PrivilegeSettings privileges, RealmModel realm, List<String> realmRoles, TokenKind kind) {
        if (!privileges.valid()) {
            return null;
        }
        RoleModel defaultRole = realm.getDefaultRole();
        return RolesClaim.compute(realmRoles, defaultRole == null ? null : defaultRole.getName(),
                kind == TokenKind.INTERNAL_SERVICE, privileges::isServiceOnly, privileges.roleAliases());
    }

    /** The contract's amr for a user token (empty when none can be claimed). */
    private static List<String> amr(RealmModel realm, UserSessionModel userSession, ClientModel client,
                                    ProtocolMapperModel model, Set<FailClosedReason> omissions) {
        Map<String, Integer> completed;
        try {
            completed = AuthenticatorUtils.parseCompletedExecutions(userSession.getNote(Constants.AUTHENTICATORS_COMPLETED));
        } catch (IllegalStateException unreadable) {
            omissions.add(FailClosedReason.AMR_UNREADABLE);
            ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                    "amr: unreadable authenticators-completed session note");
            return List.of();
        }
        int notBefore = AmrClaim.notBefore(Time.currentTime(), sessionMaxLifespan(realm, userSession),
                authTime(userSession), realm.getAccessCodeLifespanLogin());
        return AmrClaim.compute(completed, notBefore,
                executionId -> Optional
                .ofNullable(realm.getAuthenticationExecutionById(executionId))
                .map(AuthenticationExecutionModel::getAuthenticator));
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
    private static String appId(ContractSettings settings, ClientModel client) {
        if (settings.appIdAttribute() == null) {
            return null;
        }
        String appId = client.getAttribute(settings.appIdAttribute());
        return appId != null && !appId.isBlank() ? appId.trim() : null;
    }
}
