package io.mozaiks.identity.keycloak.it;

import io.mozaiks.identity.testkit.contract.ContractGuard;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Paths;

/**
 * Real tokens against the published JSON Schemas of contract v1. A failure here means the public
 * contract changed; its message is the difference to hand to the consumer teams.
 */
class ContractGuardIT {

    private final ContractGuard guard = new ContractGuard(Paths.get(System.getProperty("mozaiks.contracts.dir")));

    @ParameterizedTest
    @ValueSource(strings = {"dev-admin", "dev-superadmin", "dev-developer", "dev-user", "dev-unverified"})
    void userAccessTokensKeepContractV1(String user) {
        String token = CodeFlowLogin.shell().login(user, user).expect(200).field("access_token");
        guard.check(ContractGuard.USER_SCHEMA_1_1, "user access token of " + user, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mozaiks-core", "mozaiks-platform"})
    void serviceAccessTokensKeepContractV1(String client) {
        guard.check(ContractGuard.SERVICE_SCHEMA_1_1, "service access token of " + client, Fixture.serviceToken(client));
    }

    @Test
    void refreshedUserTokenKeepsContractV1() {
        String refresh = CodeFlowLogin.shell().login("dev-admin", "dev-admin").expect(200).field("refresh_token");
        String token = Fixture.tokens().refresh(Fixture.SHELL, null, refresh).expect(200).field("access_token");
        guard.check(ContractGuard.USER_SCHEMA_1_1, "refreshed user access token", token);
    }
}
