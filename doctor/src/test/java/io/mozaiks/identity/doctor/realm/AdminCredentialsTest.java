package io.mozaiks.identity.doctor.realm;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminCredentialsTest {

    @Test
    void aUserAndPasswordFromTheEnvironmentSignInThroughAdminCli() {
        AdminCredentials credentials = AdminCredentials.from(Map.of(AdminCredentials.USER, "ops",
                AdminCredentials.PASSWORD, "s3cret")::get, null, null);
        assertThat(credentials.tokenForm()).containsEntry("grant_type", "password").containsEntry("client_id", "admin-cli")
                .containsEntry("username", "ops").containsEntry("password", "s3cret");
        assertThat(credentials.toString()).isEqualTo("user ops");
        assertThat(credentials.redact("bad s3cret here")).isEqualTo("bad *** here");
    }

    @Test
    void stdinAndTheUserOptionWinOverTheEnvironment() {
        AdminCredentials credentials = AdminCredentials.from(Map.of(AdminCredentials.USER, "env-user",
                AdminCredentials.PASSWORD, "env-pw")::get, "piped", "option-user");
        assertThat(credentials.tokenForm()).containsEntry("username", "option-user").containsEntry("password", "piped");
    }

    @Test
    void aClientIdAndSecretUseClientCredentials() {
        AdminCredentials credentials = AdminCredentials.from(Map.of(AdminCredentials.CLIENT_ID, "deployer",
                AdminCredentials.CLIENT_SECRET, "xyz")::get, null, null);
        assertThat(credentials.tokenForm()).containsEntry("grant_type", "client_credentials").containsEntry("client_id", "deployer")
                .doesNotContainKey("username");
    }

    @Test
    void missingCredentialsAreRefusedNamingTheVariables() {
        assertThatThrownBy(() -> AdminCredentials.from(Map.<String, String>of()::get, null, null))
                .isInstanceOf(PlanRefused.class).hasMessageContaining(AdminCredentials.USER)
                .hasMessageContaining(AdminCredentials.CLIENT_ID).hasMessageContaining("never taken from the command line");
        assertThatThrownBy(() -> AdminCredentials.from(Map.of(AdminCredentials.USER, "ops")::get, null, null))
                .hasMessageContaining("no password for admin user ops");
        assertThatThrownBy(() -> AdminCredentials.from(Map.of(AdminCredentials.USER, "ops", AdminCredentials.PASSWORD, "  ")::get,
                null, null)).hasMessageContaining("no password");
    }
}
