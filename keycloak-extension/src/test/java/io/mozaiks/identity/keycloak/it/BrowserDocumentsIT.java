package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.Rule;
import io.mozaiks.identity.consumers.SuccessorConsumer;
import io.mozaiks.identity.contractenv.BrowserOrigin;
import io.mozaiks.identity.contractenv.ShellConfig;
import io.mozaiks.identity.contractenv.SuccessorUiConfig;
import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser clients' documents on the real server: {@code /contract/env/shell} (mozaiks-core's shell, dotenv and
 * JSON, per origin) and {@code /contract/env/successor-ui} (the successor's auth.json fragment), and the successor's
 * runtime configured by {@code /contract/env/core} alone.
 */
class BrowserDocumentsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    private static ShellConfig.Values shell(String origin) {
        return new ShellConfig.Values(TestServer.issuer(), "mozaiks-shell", BrowserOrigin.parse(origin), "access_as_user");
    }

    @Test
    void theShellDocumentIsTheShellsConfigForTheDevOriginByDefault() throws Exception {
        var text = ContractEndpointIT.get("/env/shell").expect(200);
        ContractEndpointIT.assertNoStoreAndCors(text);
        assertThat(EnvFile.parse(text.body())).isEqualTo(ShellConfig.variables(shell(BrowserOrigin.DEV_DEFAULT)));
        // The dev realm lists the dev origin: no warning.
        assertThat(text.body()).doesNotContain("WARNING");
        var json = ContractEndpointIT.get("/env/shell", "Accept", "application/json").expect(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readValue(json.body(), Map.class)).isEqualTo(ShellConfig.runtimeConfig(shell(BrowserOrigin.DEV_DEFAULT)));
        ContractEndpointIT.assertNoSecrets(List.of(text.body(), json.body()));
    }

    @Test
    void anotherOriginGetsItsOwnUrisAndAWarningWhileTheClientDoesNotListIt() throws Exception {
        String origin = "https://app.example.test:8443";
        String query = "?origin=" + URLEncoder.encode(origin, StandardCharsets.UTF_8);
        var text = ContractEndpointIT.get("/env/shell" + query).expect(200);
        assertThat(EnvFile.parse(text.body())).isEqualTo(ShellConfig.variables(shell(origin)))
                .containsEntry("VITE_AUTH_REDIRECT_URI", origin + "/auth/callback");
        assertThat(text.body()).contains("# WARNING: client mozaiks-shell does not list " + origin + "/auth/callback");
        assertThat(JSON.readValue(ContractEndpointIT.get("/env/shell" + query, "Accept", "application/json").expect(200).body(),
                Map.class)).isEqualTo(ShellConfig.runtimeConfig(shell(origin)));
    }

    @Test
    void aBadOriginIsRefusedWithA400AndTheReason() {
        for (String bad : List.of("http://localhost:3000/", "http://localhost:3000/app", "javascript:alert(1)",
                "http://localhost:3000\nVITE_AUTH_CLIENT_ID=evil", "HTTP://LOCALHOST:3000", "")) {
            var reply = ContractEndpointIT.get("/env/shell?origin=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(reply.status()).as(bad).isEqualTo(400);
            JsonNode error = reply.json();
            assertThat(error.get("error").asText()).isEqualTo("invalid_origin");
            assertThat(error.get("fix").asText()).contains("?origin=");
            assertThat(reply.body()).doesNotContain("VITE_AUTH_CLIENT_ID=evil\n");
        }
        assertThat(ContractEndpointIT.get("/env/shell?origin=http://a.test&origin=http://b.test").status()).isEqualTo(400);
    }

    @Test
    void theSuccessorUiFragmentNamesTheShellClientAndTheContractsRolesClaim() throws Exception {
        var reply = ContractEndpointIT.get("/env/successor-ui").expect(200);
        ContractEndpointIT.assertNoStoreAndCors(reply);
        assertThat(JSON.readValue(reply.body(), Map.class)).isEqualTo(SuccessorUiConfig.document(new SuccessorUiConfig.Values(
                TestServer.issuer(), TestServer.REALM, "mozaiks-shell", "openid profile email access_as_user")));
        assertThat(reply.json().get("roles").get("claimPath").asText()).isEqualTo("roles");
        ContractEndpointIT.assertNoSecrets(List.of(reply.body()));
    }

    /** /env/core configures the successor's runtime: a real user token passes, its roles read from "roles". */
    @Test
    void coresDocumentConfiguresTheSuccessorAndItsOwnDefaultsDoNot() throws Exception {
        Map<String, String> env = EnvFile.parse(ContractEndpointIT.get("/env/core").expect(200).body());
        assertThat(env).isEqualTo(ConsumerProfile.SUCCESSOR.document(TestServer.issuer()));
        String user = "successor-" + UUID.randomUUID().toString().substring(0, 8);
        Fixture.grantRealmRoles(Fixture.newUser(user), "user");
        String token = CodeFlowLogin.shell().login(user, user).expect(200).field("access_token");
        Principal principal = SuccessorConsumer.fromEnv(env).user(token);
        assertThat(principal.userId()).isEqualTo(Fixture.claims(token).getSubject());
        assertThat(principal.roles()).contains("user");
        assertThat(SuccessorConsumer.isAdmin(principal)).isFalse();
        // A service token is internal for it.
        assertThat(SuccessorConsumer.fromEnv(env).internal(Fixture.serviceToken(Fixture.CORE)).clientId()).isEqualTo(Fixture.CORE);
        // Its built-ins (audience mozaiks-app), with only the issuer and keys given: rejected.
        Map<String, String> builtIns = Map.of("AUTH_ISSUER", TestServer.issuer(), "AUTH_JWKS_URL", ContractEnv.jwksUrl(TestServer.issuer()));
        assertThatThrownBy(() -> SuccessorConsumer.fromEnv(builtIns).user(token)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.AUDIENCE));
    }

    /**
     * The decision of docs/configuration.md: the successor's one admin level is the role {@code admin}, core's
     * superadmin name; a contract superadmin does not reach it until the realm grants {@code admin}, e.g. as the
     * alias {@code superadmin:admin} with {@code mozaiks.role.alias.core-admin=true}.
     */
    @Test
    void aSuperadminReachesTheSuccessorsAdminOnlyWhenTheRealmGrantsAdmin() throws Throwable {
        String user = "successor-sa-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Fixture.newUser(user);
        Fixture.grantRealmRoles(id, "superadmin");
        SuccessorConsumer successor = Fixture.coreSuccessor();
        Principal plain = successor.user(CodeFlowLogin.shell().login(user, user).expect(200).field("access_token"));
        assertThat(plain.roles()).contains("superadmin").doesNotContain("admin");
        assertThat(SuccessorConsumer.isAdmin(plain)).isFalse();
        Fixture.withRealmAttribute("mozaiks.role.alias.core-admin", "true", () ->
                Fixture.withRealmAttribute("mozaiks.role.aliases", "platform_admin:Admin,superadmin:admin", () -> {
                    Principal granted = successor.user(CodeFlowLogin.shell().login(user, user).expect(200).field("access_token"));
                    assertThat(granted.roles()).contains("superadmin", "admin");
                    assertThat(SuccessorConsumer.isAdmin(granted)).isTrue();
                }));
    }
}
