package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.claims.AmrClaim;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.claims.ScopeClaim;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsCache;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.ContractV1;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Contract v1 in one mapper: put it in ONE client scope and every client with that scope issues
 * tokens both consumers accept. Runs after Keycloak's own mappers (see {@link #PRIORITY}) because it
 * owns the final {@code scope}/{@code scp}, {@code roles} and the verified-only {@code email}.
 *
 * <p>Access token and introspection only: the ID token keeps {@code aud} = the client (OIDC Core),
 * and UserInfo is built from an access-token object, so audience logic there would leak {@code aud}.
 */
public class ContractMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "mozaiks-contract-v1-mapper";

    /** Above Keycloak's sub (-10), audience resolve (30), role (40) and script (50) mappers. */
    public static final int PRIORITY = 1000;

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES;

    static {
        List<ProviderConfigProperty> properties = ProviderConfigurationBuilder.create()
                .property().name(ContractSettings.AUDIENCE).label("API audience client(s)")
                .helpText("Client id(s), comma separated, added to aud of access tokens and introspection. "
                        + "Each must exist in the realm. Default: " + ContractV1.DEFAULT_AUDIENCE)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(ContractV1.DEFAULT_AUDIENCE).add()
                .property().name(ContractSettings.REQUIRED_SCOPE).label("Required user scope")
                .helpText("Always present in scope and scp of user tokens; never in service tokens. Default: "
                        + ContractV1.DEFAULT_REQUIRED_SCOPE)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(ContractV1.DEFAULT_REQUIRED_SCOPE).add()
                .property().name(ContractSettings.TENANT).label("Tenant (tid)")
                .helpText("Value of tid. Empty = the realm name.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ContractSettings.APP_ID_ATTRIBUTE).label("Client attribute for app_id")
                .helpText("app_id is read from this attribute of the CLIENT (never from user attributes). Default: "
                        + ContractV1.DEFAULT_APP_ID_ATTRIBUTE)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(ContractV1.DEFAULT_APP_ID_ATTRIBUTE).add()
                .property().name(ContractSettings.ROLE_ALIASES).label("Role aliases")
                .helpText("role:alias pairs, comma separated; the alias is added beside the role. \"none\" = no aliases. Default: "
                        + ContractV1.DEFAULT_ROLE_ALIASES)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(ContractV1.DEFAULT_ROLE_ALIASES).add()
                .property().name(ContractSettings.SERVICE_ONLY_ROLES).label("Service-only roles")
                .helpText("Realm roles removed from user tokens (kept in client-credentials tokens). Default: "
                        + ContractV1.DEFAULT_SERVICE_ONLY_ROLES)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(ContractV1.DEFAULT_SERVICE_ONLY_ROLES).add()
                .build();
        List<ProviderConfigProperty> all = new ArrayList<>(properties);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(all, ContractMapper.class);
        // Contract claims live in access tokens (incl. lightweight) and introspection, never in ID token/UserInfo.
        all.removeIf(p -> OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN.equals(p.getName())
                || OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO.equals(p.getName()));
        for (ProviderConfigProperty p : all) {
            if (OIDCAttributeMapperHelper.INCLUDE_IN_LIGHTWEIGHT_ACCESS_TOKEN.equals(p.getName())) {
                p.setDefaultValue("true");
            }
        }
        CONFIG_PROPERTIES = List.copyOf(all);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "mozaiks contract v1";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Audience, scp, flat roles, tid, amr and app_id exactly as mozaiks-core and mozaiks-platform check them.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel container,
                               ProtocolMapperModel model) throws ProtocolMapperConfigException {
        ContractSettings settings = ContractSettingsParser.parse(model.getConfig());
        List<String> problems = settings.problems().stream().map(Object::toString).collect(Collectors.toList());
        if (settings.audiences() != null) {
            for (String audience : settings.audiences()) {
                if (realm.getClientByClientId(audience) == null) {
                    problems.add(ContractSettings.AUDIENCE + ": client \"" + audience + "\" does not exist in realm "
                            + realm.getName());
                }
            }
        }
        if (!problems.isEmpty()) {
            // The two-argument form: the one-argument one makes the admin API answer 500 (null message key).
            throw new ProtocolMapperConfigException("Invalid mozaiks contract mapper config: "
                    + String.join("; ", problems), "mozaiksContractInvalidConfig");
        }
    }

    /**
     * An unset switch counts as on (Keycloak's helper treats unset as off): a contract mapper created
     * by import or the admin API without the checkbox config must still apply the contract.
     */
    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String switchKey = getShouldUseLightweightToken(session)
                ? OIDCAttributeMapperHelper.INCLUDE_IN_LIGHTWEIGHT_ACCESS_TOKEN
                : OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN;
        if (switchedOn(model, switchKey)) {
            setClaim(token, model, userSession, session, clientSessionCtx);
        }
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (switchedOn(model, OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION)) {
            setClaim(token, model, userSession, session, clientSessionCtx);
        }
        return token;
    }

    static boolean switchedOn(ProtocolMapperModel model, String key) {
        String value = model.getConfig() == null ? null : model.getConfig().get(key);
        return value == null || Boolean.parseBoolean(value);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        if (!(token instanceof AccessToken accessToken)) {
            return;
        }
        RealmModel realm = userSession.getRealm();
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        ContractSettings settings = ContractSettingsCache.get(model.getConfig()); // parsed once per config, not per token
        settings.problems().forEach(p -> ProblemLog.once(realm.getName(), client.getClientId(), model.getName(), p.toString()));

        UserModel user = userSession.getUser();
        boolean serviceToken = user.getServiceAccountClientLink() != null;
        Map<String, Object> claims = accessToken.getOtherClaims();

        addAudiences(accessToken, settings, realm, client, model);
        setIdentity(accessToken, user, serviceToken);
        setScopes(accessToken, settings, serviceToken);
        setRoles(claims, settings, realm, clientSessionCtx, serviceToken);
        setTenant(claims, settings, realm);
        setAmr(claims, realm, userSession, client, model, serviceToken);
        setAppId(claims, settings, client);
    }

    private static void addAudiences(AccessToken token, ContractSettings settings, RealmModel realm, ClientModel client,
                                     ProtocolMapperModel model) {
        if (settings.audiences() == null) {
            return;
        }
        for (String audience : settings.audiences()) {
            if (realm.getClientByClientId(audience) != null) {
                token.addAudience(audience);
            } else {
                ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                        ContractSettings.AUDIENCE + ": client \"" + audience + "\" does not exist; not added to aud");
            }
        }
    }

    /**
     * Lightweight tokens drop the stock sub/profile/email mappers, so the contract sets these itself.
     * Keycloak's own mappers write them into the other-claims map while the token also has typed
     * fields of the same name: one is cleared, or the JSON would carry duplicate keys (which strict
     * JOSE libraries reject).
     */
    private static void setIdentity(AccessToken token, UserModel user, boolean serviceToken) {
        if (token.getSubject() == null) {
            token.setSubject(user.getId());
        }
        if (serviceToken) {
            return;
        }
        Map<String, Object> claims = token.getOtherClaims();
        claims.remove(IDToken.PREFERRED_USERNAME);
        claims.remove(IDToken.NAME);
        claims.remove(IDToken.EMAIL);
        token.setPreferredUsername(user.getUsername());
        token.setName(fullName(user));
        token.setEmail(user.isEmailVerified() && user.getEmail() != null ? user.getEmail() : null);
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

    private static void setRoles(Map<String, Object> claims, ContractSettings settings, RealmModel realm,
                                 ClientSessionContext clientSessionCtx, boolean serviceToken) {
        if (settings.roleAliases() == null || settings.serviceOnlyRoles() == null) {
            claims.remove(ContractV1.CLAIM_ROLES); // never an unfiltered list
            return;
        }
        List<String> resolved = clientSessionCtx.getRolesStream()
                .filter(role -> !role.isClientRole())
                .map(RoleModel::getName)
                .collect(Collectors.toList());
        RoleModel defaultRole = realm.getDefaultRole();
        claims.put(ContractV1.CLAIM_ROLES, RolesClaim.compute(resolved, defaultRole == null ? null : defaultRole.getName(),
                serviceToken, settings.serviceOnlyRoles(), settings.roleAliases()));
    }

    private static void setTenant(Map<String, Object> claims, ContractSettings settings, RealmModel realm) {
        if (settings.hasProblem(ContractSettings.TENANT)) {
            claims.remove(ContractV1.CLAIM_TENANT);
            return;
        }
        claims.put(ContractV1.CLAIM_TENANT, settings.tenant() != null ? settings.tenant() : realm.getName());
    }

    private static void setAmr(Map<String, Object> claims, RealmModel realm, UserSessionModel userSession,
                               ClientModel client, ProtocolMapperModel model, boolean serviceToken) {
        claims.remove(ContractV1.CLAIM_AMR);
        if (serviceToken) {
            return;
        }
        Map<String, Integer> completed;
        try {
            completed = AuthenticatorUtils.parseCompletedExecutions(userSession.getNote(Constants.AUTHENTICATORS_COMPLETED));
        } catch (IllegalStateException unreadable) {
            ProblemLog.once(realm.getName(), client.getClientId(), model.getName(),
                    "amr: unreadable authenticators-completed session note");
            return;
        }
        List<String> amr = AmrClaim.compute(completed, executionId -> Optional
                .ofNullable(realm.getAuthenticationExecutionById(executionId))
                .map(AuthenticationExecutionModel::getAuthenticator));
        if (!amr.isEmpty()) {
            claims.put(ContractV1.CLAIM_AMR, amr);
        }
    }

    /** Only the client's attribute counts; {@code mozaiks_app_id}, which core reads first, is cleared. */
    private static void setAppId(Map<String, Object> claims, ContractSettings settings, ClientModel client) {
        claims.remove(ContractV1.CLAIM_APP_ID);
        claims.remove("mozaiks_app_id");
        if (settings.appIdAttribute() == null) {
            return;
        }
        String appId = client.getAttribute(settings.appIdAttribute());
        if (appId != null && !appId.isBlank()) {
            claims.put(ContractV1.CLAIM_APP_ID, appId.trim());
        }
    }

    /** A ready model for realm set-up and tests, with the contract defaults. */
    public static ProtocolMapperModel create(String name, Map<String, String> config) {
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName(name);
        mapper.setProtocolMapper(PROVIDER_ID);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        Map<String, String> all = new HashMap<>();
        all.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true");
        all.put(OIDCAttributeMapperHelper.INCLUDE_IN_LIGHTWEIGHT_ACCESS_TOKEN, "true");
        all.put(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true");
        all.putAll(config);
        mapper.setConfig(all);
        return mapper;
    }
}
