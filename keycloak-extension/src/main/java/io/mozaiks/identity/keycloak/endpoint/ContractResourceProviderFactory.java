package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.build.ProviderBuild;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.Map;

/** Serves {@code /realms/{realm}/mozaiks/contract...}: the factory id is the URL segment. */
public class ContractResourceProviderFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = ContractRoutes.ROOT;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ContractResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    /** Server info / Providers in the admin console: which provider, contract and Keycloak range this server runs. */
    @Override
    public Map<String, String> getOperationalInfo() {
        return ProviderBuild.current().operationalInfo();
    }

    @Override
    public String getId() {
        return ID;
    }
}
