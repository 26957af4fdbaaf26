package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.ContractV1;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
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
import java.util.stream.Collectors;

/**
 * Contract v1.1 in one mapper: put it in the client scope {@code access_as_user} and every client with
 * that scope issues tokens the consumers accept. Runs after Keycloak's own mappers (see {@link #PRIORITY})
 * because it owns the final {@code scope}/{@code scp}, {@code roles}, the verified-only {@code email},
 * and strips what consumers would read as privilege from other mappers ({@link ContractV1#STRIPPED_CLAIMS}).
 *
 * <p>Who is an admin or internal is not configured here but in realm attributes ({@link PrivilegeSettings}):
 * a client admin may edit this mapper, not the realm.
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
        return "Audience, scp, flat roles, tid, amr and app_id exactly as mozaiks-core, its plugin-host and mozaiks-platform check them;"
                + " admin and internal roles come from the realm's mozaiks settings.";
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
        for (String key : PrivilegeSettings.LEGACY_MAPPER_KEYS) {
            if (model.getConfig() != null && model.getConfig().containsKey(key)) {
                problems.add(key + " is no longer a mapper setting: who is an admin or internal is a realm setting"
                        + " (PUT <issuer>/mozaiks/contract/settings, realm admins only); remove it here");
            }
        }
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
        apply(token, model, userSession, session, clientSessionCtx, switchedOn(model, switchKey));
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        apply(token, model, userSession, session, clientSessionCtx,
                switchedOn(model, OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION));
        return token;
    }

    /**
     * Stripping does not depend on the switches: a switched-off contract mapper must not leave
     * {@code realm_access} or control-plane claims for a consumer's fallback to find.
     */
    private void apply(AccessToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                       ClientSessionContext clientSessionCtx, boolean switchedOn) {
        RealmModel realm = userSession.getRealm();
        if (!ContractScopeMembership.counts(realm, model)) {
            ProblemLog.once(realm.getName(), clientSessionCtx.getClientSession().getClient().getClientId(), model.getName(),
                    "this contract mapper is not in client scope " + ContractV1.CONTRACT_SCOPE + " and does nothing");
            return;
        }
        ContractTokenWriter.stripReserved(token);
        if (switchedOn) {
            ContractTokenWriter.write(token, model, userSession, clientSessionCtx);
        }
    }

    static boolean switchedOn(ProtocolMapperModel model, String key) {
        String value = model.getConfig() == null ? null : model.getConfig().get(key);
        return value == null || Boolean.parseBoolean(value);
    }

    /** Not called: {@link #transformAccessToken} and {@link #transformIntrospectionToken} do the work. */
    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
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
