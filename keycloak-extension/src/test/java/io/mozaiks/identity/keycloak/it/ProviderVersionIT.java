package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.keycloak.build.ProviderBuild;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.endpoint.ContractResourceProviderFactory;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console's Server info / Providers shows which build of the provider a server runs: read the
 * way the console reads it ({@code GET /admin/serverinfo}) from the real server with the jar under test.
 */
class ProviderVersionIT {

    private static final String VERSION = System.getProperty("mozaiks.expected.version");

    @ParameterizedTest
    @CsvSource({
            "protocol-mapper, " + ContractMapper.PROVIDER_ID,
            "realm-restapi-extension, " + ContractResourceProviderFactory.ID})
    void serverInfoShowsTheProviderContractAndRevision(String spi, String providerId) {
        JsonNode info = AdminApi.forTestRealm().serverInfo().expect(200).json()
                .path("providers").path(spi).path("providers").path(providerId).path("operationalInfo");

        assertThat(info.isObject()).as("operationalInfo of %s/%s", spi, providerId).isTrue();
        assertThat(info.path(ProviderBuild.KEY_PROVIDER_VERSION).asText()).isEqualTo(VERSION);
        assertThat(info.path(ProviderBuild.KEY_CONTRACT_VERSION).asText()).isEqualTo(Contract.VERSION);
        assertThat(info.path(ProviderBuild.KEY_GIT_REVISION).asText())
                .isEqualTo(System.getProperty("mozaiks.expected.revision")).matches("[0-9a-f]{40}|unknown");
        assertThat(info.path(ProviderBuild.KEY_KEYCLOAK_SUPPORTED).asText())
                .isEqualTo(System.getProperty("mozaiks.expected.supported"));
        assertThat(info.path(ProviderBuild.KEY_KEYCLOAK_COMPILED).asText()).isNotBlank();
    }

    @Test
    void contractDocumentNamesTheProviderVersion() {
        JsonNode doc = Http.get(TestServer.issuer() + "/mozaiks/contract").expect(200).json();

        assertThat(doc.get("provider_version").asText()).isEqualTo(VERSION);
        assertThat(doc.get("contract_version").asText()).isEqualTo(Contract.VERSION);
    }
}
