package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.PluginHostConsumer;
import io.mozaiks.identity.consumers.PluginPrincipal;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The 1.1 env documents on the real server: three consumers, the in-network variant, refused values, a disabled realm. */
class EnvDocumentsIT {

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @Test
    void pluginHostEnvAcceptsRealTokensAndIsExactlyTheDocumentedOne() throws Exception {
        Map<String, String> env = EnvFile.parse(ContractEndpointIT.get("/env/plugin-host").expect(200).body());
        assertThat(env).isEqualTo(ContractEnv.pluginHost(TestServer.issuer()));
        String token = CodeFlowLogin.shell().login("dev-superadmin", "dev-superadmin").expect(200).field("access_token");
        PluginPrincipal principal = PluginHostConsumer.fromEnv(env).authenticate(token);
        assertThat(principal.superAdmin()).isTrue();
        assertThat(principal.userId()).isEqualTo(Fixture.claims(token).getSubject());
    }

    @Test
    void backchannelVariantKeepsThePublicIssuerAndUsesTheCallersAddress() {
        String inNetwork = ContractEndpointIT.url("/env/platform?backchannel=true").replace("127.0.0.1", "localhost");
        Map<String, String> env = EnvFile.parse(Http.get(inNetwork).expect(200).body());
        assertThat(env.get("AUTH_ISSUER")).isEqualTo(TestServer.issuer());
        assertThat(env.get("AUTH_JWKS_URL")).contains("://localhost:").endsWith("/realms/mozaiks/protocol/openid-connect/certs");
        // And the platform validates real tokens with it: issuer public, keys from the in-network address.
        String token = CodeFlowLogin.shell().login("dev-user", "dev-user").expect(200).field("access_token");
        try {
            io.mozaiks.identity.consumers.DotnetPlatformConsumer.fromEnv(env).bearer(token);
        } catch (io.mozaiks.identity.consumers.Rejected rejected) {
            throw new AssertionError(rejected);
        }
    }

    /**
     * mozaiks-platform compares AUTH_ALLOWED_CLIENT_IDS ignoring case and splits it on commas: a client
     * {@code MOZAIKS-CORE} would pass as the internal service client {@code mozaiks-core}, a client
     * {@code x,mozaiks-shell} as two entries. Such ids never reach the list, and conformance fails them.
     */
    @Test
    void clientIdsThePlatformCannotTellApartAreLeftOutAndFail() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String upper = "MOZAIKS-CORE";
        String comma = "x" + suffix + ",mozaiks-shell";
        AdminApi admin = Fixture.admin();
        String upperId = Fixture.created(admin.createClient(Map.of("clientId", upper, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true)));
        String commaId = Fixture.created(admin.createClient(Map.of("clientId", comma, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true)));
        admin.put("/clients/" + upperId + "/default-client-scopes/" + admin.clientScopeId(Fixture.CONTRACT_SCOPE), Map.of()).expect(204);
        admin.put("/clients/" + commaId + "/default-client-scopes/" + admin.clientScopeId(Fixture.CONTRACT_SCOPE), Map.of()).expect(204);
        String token = Fixture.adminCliToken(readerWithViewClients());
        try {
            JsonNode json = ContractEndpointIT.get("/conformance/env/platform", "Authorization", "Bearer " + token,
                    "Accept", "application/json").expect(200).json();
            List<String> allowed = List.of(json.get("variables").get("AUTH_ALLOWED_CLIENT_IDS").asText().split(","));
            assertThat(allowed).contains("mozaiks-shell", "mozaiks-platform").doesNotContain("mozaiks-core", upper)
                    .noneMatch(id -> id.startsWith("x" + suffix));
            assertThat(json.get("warnings").toString()).contains("cannot tell apart", "MOZAIKS-CORE", "mozaiks-core");

            JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), null, "client-id-collision");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("reason").asText()).contains("MOZAIKS-CORE (equals mozaiks-core ignoring case)",
                    "mozaiks-core (equals MOZAIKS-CORE ignoring case)", comma + " (contains a comma)");
        } finally {
            admin.delete("/clients/" + upperId).expect(204);
            admin.delete("/clients/" + commaId).expect(204);
        }
        JsonNode json = ContractEndpointIT.get("/conformance/env/platform", "Authorization", "Bearer " + token,
                "Accept", "application/json").expect(200).json();
        assertThat(json.get("variables").get("AUTH_ALLOWED_CLIENT_IDS").asText().split(",")).contains("mozaiks-core");
        assertThat(ConformanceIT.check(Fixture.conformanceReport(), null, "client-id-collision").get("status").asText())
                .isEqualTo("pass");
    }

    @Test
    void unsafeClientIdIsLeftOutOfTheAllowListAndTheFileStaysInert() throws Exception {
        String hostile = "z&id-" + UUID.randomUUID().toString().substring(0, 6);
        Fixture.ordinaryContractClient(hostile, false);
        String token = Fixture.adminCliToken(readerWithViewClients());
        Reply reply = ContractEndpointIT.get("/conformance/env/platform", "Authorization", "Bearer " + token).expect(200);
        String body = reply.body();
        assertThat(body).doesNotContain(hostile).contains("# WARNING:");
        Map<String, String> env = EnvFile.parse(body);
        assertThat(env.get("AUTH_ALLOWED_CLIENT_IDS").split(",")).contains("mozaiks-shell", "mozaiks-core", "mozaiks-platform");

        // Sourced by bash exactly as the docs say: same values back, nothing run.
        Path dir = Files.createTempDirectory("env-inert");
        Path file = dir.resolve("platform.env");
        Files.writeString(file, body, StandardCharsets.UTF_8);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -a; . ./platform.env; set +a; printf %s \"$AUTH_ALLOWED_CLIENT_IDS\"")
                .directory(dir.toFile()).redirectErrorStream(true);
        Process process = bash.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo(env.get("AUTH_ALLOWED_CLIENT_IDS"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("platform.env");
        }
    }

    private static String readerWithViewClients() {
        Fixture.conformanceReport(); // creates the reader once
        return "conformance-reader";
    }

    @Test
    void aDisabledRealmPublishesNothing() {
        String realm = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
        AdminApi master = new AdminApi(TestServer.baseUrl(), realm);
        master.createRealm(Map.of("realm", realm, "enabled", false, "clientScopes", List.of(Map.of(
                "name", "access_as_user", "protocol", "openid-connect", "protocolMappers", List.of(Map.of(
                        "name", "contract", "protocol", "openid-connect",
                        "protocolMapper", "mozaiks-contract-v1-mapper", "config", Map.of())))))).expect(201);
        try {
            String base = TestServer.get().issuer(realm) + "/mozaiks/contract";
            for (String path : List.of("", "/env/core", "/env/platform", "/env/plugin-host", "/conformance", "/settings")) {
                Reply reply = Http.get(base + path);
                assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(404);
                assertThat(reply.body()).doesNotContain("jwks_uri", "AUTH_ISSUER", "JWT_ISSUER");
            }
        } finally {
            master.delete("");
        }
    }

    /** Only the exact switch selects the in-network variant: anything else is the public one, never a guess. */
    @Test
    void aMalformedBackchannelSwitchMeansThePublicVariant() {
        Map<String, String> env = EnvFile.parse(ContractEndpointIT.get("/env/core?backchannel=yes").expect(200).body());
        assertThat(env.get("MOZAIKS_OIDC_DISCOVERY_URL")).isEqualTo(TestServer.issuer() + "/.well-known/openid-configuration");
    }
}
