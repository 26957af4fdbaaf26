package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.build.ProviderBuild;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.Contract;
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
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

import io.mozaiks.identity.keycloak.metrics.ContractMeters;
import io.mozaiks.identity.keycloak.metrics.FailClosedReason;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Contract v1.1 in one mapper: put it in the client scope {@code access_as_user} and every client with
 * that scope issues tokens the consumers accept. Runs after Keycloak's own mappers (see {@link #PRIORITY})
 * because it owns the final {@code scope}/{@code scp}, {@code roles}, the verified-only {@code email},
 * and strips what consumers would read as privilege from other mappers ({@link Contract#STRIPPED_CLAIMS}).
 *
 * <p>Who is an admin or internal is not configured here but in realm attributes ({@link PrivilegeSettings}):
 * a client admin may edit this mapper, not the realm.
 *
 * <p>Access tokens and introspection carry the contract. The ID token is only cleaned: {@code aud} = the
 * client (OIDC Core), no privilege claims. UserInfo loses the privilege claims too (a client may ask for
 * it as a signed JWT, which plugin-host would accept: it requires neither {@code aud} nor {@code exp});
 * its {@code aud} is left alone (UserInfo is built from an access-token object and carries none).
 */
public class ContractMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "mozaiks-contract-v1-mapper";

    /** Above Keycloak's sub (-10), audience resolve (30), role (40) and script (50) mappers. */
    public static final int PRIORITY = 1000;

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES;

    static {
        List<ProviderConfigProperty> properties = ProviderConfigurationBuilder.create()
                .property().name(ContractSettings.AUDIENCE).label("API audience client(s)")
                .helpText("Client id(s), comma separated, added to aud of access tokens and introspection. "
                        + "Each must exist in the realm. Default: " + Contract.DEFAULT_AUDIENCE)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Contract.DEFAULT_AUDIENCE).add()
                .property().name(ContractSettings.REQUIRED_SCOPE).label("Required user scope")
                .helpText("Always present in scope and scp of user tokens; never in service tokens. Default: "
                        + Contract.DEFAULT_REQUIRED_SCOPE)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Contract.DEFAULT_REQUIRED_SCOPE).add()
                .property().name(ContractSettings.TENANT).label("Tenant (tid)")
                .helpText("Value of tid. Empty = the realm name.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ContractSettings.APP_ID_ATTRIBUTE).label("Client attribute for app_id")
                .helpText("app_id is read from this attribute of the CLIENT (never from user attributes). Default: "
                        + Contract.DEFAULT_APP_ID_ATTRIBUTE)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Contract.DEFAULT_APP_ID_ATTRIBUTE).add()
                .build();
        // No per-token switches: a client admin could switch the contract off for a token kind and leave
        // other mappers' roles or audience in place. Access tokens (incl. lightweight) and introspection
        // always carry the contract; ID tokens are always reduced to the client's own audience.
        CONFIG_PROPERTIES = List.copyOf(properties);
    }

    /** Server info / Providers in the admin console: which provider, contract and Keycloak range this server runs. */
    @Override
    public Map<String, String> getOperationalInfo() {
        return ProviderBuild.current().operationalInfo();
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

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String realm = userSession.getRealm().getName();
        if (counts(model, userSession, clientSessionCtx)) {
            ContractDecision decision = ContractTokenWriter.write(token, model, session, userSession, clientSessionCtx);
            ContractMeters.global().tokenIssued(realm, decision.kind(), decision.omissions());
        } else {
            ContractMeters.global().failedClosed(realm, FailClosedReason.MAPPER_NOT_COUNTING);
        }
        return token;
    }

    /** As an access token, but not counted: the meters count issued tokens, not answers about them. */
    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (counts(model, userSession, clientSessionCtx)) {
            ContractTokenWriter.write(token, model, session, userSession, clientSessionCtx);
        }
        return token;
    }

    /**
     * An ID token is signed with the same key, and no consumer checks {@code typ}: it is addressed to the
     * client alone and carries none of the claims consumers read as privilege, whatever other mappers put in.
     */
    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (counts(model, userSession, clientSessionCtx)) {
            ContractTokenWriter.writeIdToken(token, model, userSession, clientSessionCtx);
        }
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                              UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (counts(model, userSession, clientSessionCtx)) {
            TokenClaims.applyToUserInfo(token);
        }
        return token;
    }

    private static boolean counts(ProtocolMapperModel model, UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        RealmModel realm = userSession.getRealm();
        if (ContractScopeMembership.counts(realm, model)) {
            return true;
        }
        ProblemLog.once(realm.getName(), clientSessionCtx.getClientSession().getClient().getClientId(), model.getName(),
                "this contract mapper is not THE contract mapper of client scope " + Contract.CONTRACT_SCOPE
                        + " and does nothing");
        return false;
    }

    /** Not called: the transform methods above do the work, whatever the token switches say. */
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
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }
}
