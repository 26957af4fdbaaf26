package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    private static final Path REALM_DIR = Path.of(System.getProperty("mozaiks.repo.root", "..")).resolve("docker/realm");

    @Test
    void printsConsoleIssuerContractUsersAndATokenCommandThenTheReadyLine() {
        DevRealm realm = DevRealm.read(RealmFingerprint.realmFiles(REALM_DIR));

        List<String> lines = Summary.lines("26.7.5", "http://localhost:8080", realm, "s3cr3t", "p1atform",
                Path.of("/x/data/h2"), Path.of("/x/keycloak.log"));
        String text = String.join("\n", lines);

        assertThat(text).contains("http://localhost:8080/admin/")
                .contains("Issuer         http://localhost:8080/realms/mozaiks")
                .contains("http://localhost:8080/realms/mozaiks/mozaiks/contract")
                .contains("curl -s -d grant_type=client_credentials -d client_id=mozaiks-core -d client_secret=s3cr3t"
                        + " http://localhost:8080/realms/mozaiks/protocol/openid-connect/token")
                .contains("DEV ONLY")
                .contains("http://localhost:8080/realms/mozaiks/mozaiks/contract/env/shell")
                .contains("    VITE_AUTH_AUTHORITY=http://localhost:8080/realms/mozaiks")
                .contains("    VITE_AUTH_CLIENT_ID=mozaiks-shell")
                .contains("    VITE_AUTH_REDIRECT_URI=http://localhost:3000/auth/callback")
                .contains("    VITE_AUTH_POST_LOGOUT_REDIRECT_URI=http://localhost:3000/")
                .contains("    VITE_AUTH_API_SCOPE=access_as_user")
                .contains("http://localhost:8080/realms/mozaiks/mozaiks/contract/env/successor-ui");
        for (String user : List.of("dev-superadmin", "dev-admin", "dev-developer", "dev-user", "dev-unverified", "dev-mfa")) {
            assertThat(text).containsPattern(user + " +password " + user);
        }
        assertThat(lines.get(lines.size() - 1)).startsWith(Summary.READY_PREFIX + "http://localhost:8080");
    }

    @Test
    void theDevRealmIsReadFromTheFiles() {
        DevRealm realm = DevRealm.read(RealmFingerprint.realmFiles(REALM_DIR));

        assertThat(realm.name()).isEqualTo("mozaiks");
        assertThat(realm.users()).extracting(DevRealm.DevUser::username).contains("dev-superadmin", "dev-mfa");
    }
}
