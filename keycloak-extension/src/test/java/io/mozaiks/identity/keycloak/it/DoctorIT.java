package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.doctor.DoctorCli;
import io.mozaiks.identity.doctor.ExitCodes;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mozaiks-doctor against the real server: real tokens through every consumer scheme, the deciding rule
 * and its fix for the negative cases Keycloak can produce, and env files against the live contract endpoint.
 * (Tokens Keycloak never issues, e.g. expired or scope-less ones, are crafted in the doctor's own tests.)
 */
class DoctorIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterAll
    static void cleanUp() {
        Fixture.deleteCreated();
    }

    /** Runs the CLI in this JVM; answers exit code and what it printed. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }

        JsonNode verdict(String scheme) throws Exception {
            for (JsonNode v : json().get("verdicts")) {
                if (scheme.equals(v.get("scheme").asText())) {
                    return v;
                }
            }
            throw new AssertionError("no verdict " + scheme + " in " + out);
        }
    }

    static Run doctor(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String userToken() {
        return CodeFlowLogin.shell().login("dev-user", "dev-user").expect(200).field("access_token");
    }

    @Test
    void aContractUserTokenPassesEveryUserSchemeAndTheDoctorShowsEachPrincipal() throws Exception {
        String token = userToken();
        Run run = doctor("token", "--json", "--issuer", TestServer.issuer(), token);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.json().get("kind").asText()).isEqualTo("user");
        for (String scheme : List.of("core_user", "core_successor_user", "plugin_host", "platform_bearer")) {
            assertThat(run.verdict(scheme).get("verdict").asText()).as(scheme).isEqualTo("ACCEPT");
        }
        assertThat(run.verdict("core_user").get("principal").get("roles").toString()).contains("user");
        assertThat(run.verdict("platform_bearer").get("principal").get("tenant").asText()).isNotBlank();
        // A user token at InternalBearer: refused, and rightly so (not a finding).
        JsonNode internal = run.verdict("platform_internal_bearer");
        assertThat(internal.get("verdict").asText()).isEqualTo("REJECT");
        assertThat(internal.get("rule").asText()).isEqualTo("USER_TOKEN_ON_INTERNAL");
        assertThat(internal.get("meant_for_this_token").asBoolean()).isFalse();
        assertThat(run.out()).as("the token is never printed without --show-token").doesNotContain(token.split("\\.")[1]);
        assertThat(doctor("token", "--json", "--show-token", "--issuer", TestServer.issuer(), token).json().get("token").asText())
                .isEqualTo(token);
    }

    @Test
    void aServiceTokenPassesInternalBearerAndCoresInternalEndpoint() throws Exception {
        Run run = doctor("token", "--json", "--issuer", TestServer.issuer(), Fixture.serviceToken("mozaiks-core"));

        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.json().get("kind").asText()).isEqualTo("service");
        assertThat(run.verdict("platform_internal_bearer").get("verdict").asText()).isEqualTo("ACCEPT");
        assertThat(run.verdict("platform_internal_bearer").get("principal").get("client_id").asText()).isEqualTo("mozaiks-core");
        assertThat(run.verdict("core_internal").get("verdict").asText()).isEqualTo("ACCEPT");
        // The successor (configured by /env/core) takes a token without the user scope for an internal call.
        assertThat(run.verdict("core_successor_internal").get("verdict").asText()).isEqualTo("ACCEPT");
        assertThat(run.verdict("core_successor_internal").get("principal").get("admin").asBoolean()).isFalse();
    }

    @Test
    void aClientWithoutTheContractScopeGetsTheAudienceRuleAndItsFix() throws Exception {
        AdminApi admin = Fixture.admin();
        String clientId = "doctor-no-contract-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "secret-" + UUID.randomUUID();
        Fixture.created(admin.createClient(Map.of("clientId", clientId, "publicClient", false, "secret", secret,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                "defaultClientScopes", List.of("basic", "profile", "email"))));
        String token = Fixture.accessToken(Fixture.tokens().password(clientId, secret, "dev-user", "dev-user", null));

        Run run = doctor("token", "--json", "--issuer", TestServer.issuer(), token);

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode core = run.verdict("core_user");
        assertThat(core.get("rule").asText()).isEqualTo("AUDIENCE");
        assertThat(core.get("status").asInt()).isEqualTo(401);
        assertThat(core.get("fix").asText()).contains("access_as_user Default client scope");
        assertThat(run.verdict("platform_bearer").get("rule").asText()).isEqualTo("AUDIENCE");
    }

    @Test
    void aConsumerConfiguredWithAnotherIssuerRejectsWithTheIssuerRule() throws Exception {
        Run run = doctor("token", "--json", "--jwks", jwksOfTheServer().toString(),
                "--issuer", "https://id.example.com/realms/mozaiks", userToken());

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.verdict("core_user").get("rule").asText()).isEqualTo("ISSUER");
        assertThat(run.verdict("core_user").get("fix").asText()).contains("hostname");
    }

    @Test
    void keysThatDoNotSignTheTokenGiveTheUnknownKidRule() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("rotated-away").generate();
        Path jwks = dir.resolve("other.json");
        Files.writeString(jwks, "{\"keys\":[" + other.toPublicJWK().toJSONString() + "]}");

        Run run = doctor("token", "--json", "--jwks", jwks.toString(), "--issuer", TestServer.issuer(), userToken());

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        for (String scheme : List.of("core_user", "plugin_host", "platform_bearer")) {
            assertThat(run.verdict(scheme).get("rule").asText()).as(scheme).isIn("UNKNOWN_KID", "KID_AMBIGUOUS");
        }
        assertThat(run.verdict("core_user").get("rule").asText()).isEqualTo("UNKNOWN_KID");
    }

    /** A real token just past its exp: plugin-host allows no clock skew, core and the platform allow 120 s. */
    @Test
    void anExpiredTokenFailsPluginHostAtOnceAndCoreOnlyAfterItsSkew() throws Exception {
        String clientId = "doctor-short-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = Fixture.ordinaryContractClient(clientId, false);
        AdminApi admin = Fixture.admin();
        admin.put("/clients/" + admin.clientUuid(clientId), Map.of("attributes", Map.of("access.token.lifespan", "2"))).expect(204);
        String token = Fixture.accessToken(Fixture.tokens().password(clientId, secret, "dev-user", "dev-user", null));
        long exp = Fixture.claims(token).getExpirationTime().getTime();
        Thread.sleep(Math.max(0, exp - System.currentTimeMillis()) + 1500);

        Run run = doctor("token", "--json", "--issuer", TestServer.issuer(), token);

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.verdict("plugin_host").get("rule").asText()).isEqualTo("EXPIRED");
        assertThat(run.verdict("plugin_host").get("fix").asText()).contains("fresh token");
        assertThat(run.verdict("core_user").get("verdict").asText()).as("core: 120 s of clock skew").isEqualTo("ACCEPT");
        assertThat(run.verdict("platform_bearer").get("verdict").asText()).as(".NET: 120 s").isEqualTo("ACCEPT");
    }

    @Test
    void theTextOutputNamesTheVerdictTheRuleAndTheFix() {
        Run run = doctor("token", "--issuer", TestServer.issuer(), Fixture.serviceToken("mozaiks-core"));

        assertThat(run.out()).contains("ACCEPT mozaiks-platform InternalBearer").contains("RESULT no finding (exit 0)")
                .contains("reject mozaiks-platform Bearer");
    }

    @Test
    void theEnvTheEndpointPublishesMatchesAndEachKindOfMismatchIsNamedWithItsFix() throws Exception {
        String published = Http.get(TestServer.issuer() + "/mozaiks/contract/env/core").expect(200).body();
        Path good = dir.resolve("core.env");
        Files.writeString(good, published);
        Run match = doctor("env", "--consumer", "core", good.toString());
        assertThat(match.exit()).as(match.out() + match.err()).isEqualTo(ExitCodes.OK);

        List<String> lines = new ArrayList<>(published.lines().toList());
        lines.removeIf(line -> line.startsWith("AUTH_REQUIRED_SCOPE="));
        lines.replaceAll(line -> line.startsWith("AUTH_AUDIENCE=") ? "AUTH_AUDIENCE=api://mozaiks-auth" : line);
        lines.add("AUTH_ISSUER=https://stale.example.com/realms/mozaiks");
        Path bad = dir.resolve("bad.env");
        Files.writeString(bad, String.join("\n", lines));

        Run run = doctor("env", "--json", "--consumer", "core", bad.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        Map<String, String> kinds = new java.util.HashMap<>();
        Map<String, String> fixes = new java.util.HashMap<>();
        for (JsonNode d : run.json().get("differences")) {
            kinds.put(d.get("name").asText(), d.get("kind").asText());
            fixes.put(d.get("name").asText(), d.get("fix").asText());
        }
        assertThat(kinds).containsEntry("AUTH_REQUIRED_SCOPE", "MISSING").containsEntry("AUTH_AUDIENCE", "DIFFERS")
                .containsEntry("AUTH_ISSUER", "EXTRA");
        assertThat(fixes.get("AUTH_AUDIENCE")).isEqualTo("set AUTH_AUDIENCE=mozaiks-api");
        assertThat(fixes.get("AUTH_REQUIRED_SCOPE")).isEqualTo("add AUTH_REQUIRED_SCOPE=access_as_user");
    }

    /** An env whose keys come from another address than the issuer's (a container network): compared with ?backchannel=true. */
    @Test
    void anInNetworkEnvIsComparedWithTheBackChannelDocument() throws Exception {
        String inNetwork = ContractEndpointIT.url("/env/plugin-host?backchannel=true").replace("127.0.0.1", "localhost");
        Path env = dir.resolve("plugin-host.env");
        Files.writeString(env, Http.get(inNetwork).expect(200).body());

        Run run = doctor("env", "--consumer", "plugin-host", env.toString());

        assertThat(run.out()).contains("?backchannel=true");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void fetchServiceTokenFetchesAsCoreDoesAndExplainsTheToken() throws Exception {
        String secret = Fixture.admin().clientSecret("mozaiks-platform");
        java.io.InputStream stdin = System.in;
        Run run;
        try {
            System.setIn(new java.io.ByteArrayInputStream(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            run = doctor("fetch-service-token", "--json", "--secret-stdin", "--issuer", TestServer.issuer(), "mozaiks-platform");
        } finally {
            System.setIn(stdin);
        }
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.verdict("platform_internal_bearer").get("principal").get("client_id").asText()).isEqualTo("mozaiks-platform");
        assertThat(run.out()).doesNotContain(secret).doesNotContain("\"token\"");

        Run noSecret = doctor("fetch-service-token", "--secret-env", "MOZAIKS_DOCTOR_UNSET_" + UUID.randomUUID().toString().replace("-", ""),
                "--issuer", TestServer.issuer(), "mozaiks-platform");
        assertThat(noSecret.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSecret.err()).contains("never taken from the command line");
    }

    @Test
    void loginGetsAUserTokenByDeviceLoginAndExplainsIt() throws Exception {
        AdminApi admin = Fixture.admin();
        String clientId = "doctor-device-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Fixture.created(admin.createClient(Map.of("clientId", clientId, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "attributes", Map.of("oauth2.device.authorization.grant.enabled", "true", "oauth2.device.polling.interval", "1"),
                "defaultClientScopes", List.of("basic", "profile", "email"))));
        admin.put("/clients/" + id + "/default-client-scopes/" + admin.clientScopeId("access_as_user"), Map.of()).expect(204);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        var login = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                cli.execute("login", "--json", "--timeout", "60", "--issuer", TestServer.issuer(), "--client", clientId));

        String verification = null;
        for (int i = 0; i < 100 && verification == null; i++) {
            java.util.regex.Matcher url = java.util.regex.Pattern.compile("Open (\\S+)").matcher(err.toString());
            verification = url.find() ? url.group(1) : null;
            Thread.sleep(100);
        }
        assertThat(verification).as("the doctor printed where to sign in: " + err).isNotNull();
        new CodeFlowLogin(TestServer.baseUrl(), TestServer.REALM, clientId, "unused").approveDevice(verification, "dev-user", "dev-user");

        int exit = login.get(60, java.util.concurrent.TimeUnit.SECONDS);
        Run run = new Run(exit, out.toString(), err.toString());
        assertThat(exit).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.json().get("kind").asText()).isEqualTo("user");
        assertThat(run.verdict("platform_bearer").get("verdict").asText()).isEqualTo("ACCEPT");
        assertThat(run.verdict("core_user").get("principal").get("user_id").asText()).isEqualTo(Fixture.admin().userId("dev-user"));
    }

    /** The browser clients' files: the shell's VITE_AUTH_* for its origin, the successor UI's auth.json, the successor's env. */
    @Test
    void envKnowsTheShellTheSuccessorUiAndTheSuccessor(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String origin = "https://app.example.test";
        Path shell = dir.resolve("shell.env");
        Files.writeString(shell, Http.get(TestServer.issuer() + "/mozaiks/contract/env/shell?origin="
                + java.net.URLEncoder.encode(origin, java.nio.charset.StandardCharsets.UTF_8)).expect(200).body());
        Run match = doctor("env", "--consumer", "shell", shell.toString());
        assertThat(match.exit()).as(match.out() + match.err()).isEqualTo(ExitCodes.OK);
        assertThat(match.out()).contains("env/shell?origin=https%3A%2F%2Fapp.example.test");
        Files.writeString(shell, Files.readString(shell).replace("VITE_AUTH_CLIENT_ID=mozaiks-shell", "VITE_AUTH_CLIENT_ID=mozaiks-app"));
        Run differs = doctor("env", "--consumer", "shell", shell.toString());
        assertThat(differs.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(differs.out()).contains("DIFFERS VITE_AUTH_CLIENT_ID (is mozaiks-app)").contains("set VITE_AUTH_CLIENT_ID=mozaiks-shell");

        // The successor UI's default auth.json: another client and realm_access.roles.
        Path authJson = dir.resolve("auth.json");
        Files.writeString(authJson, "{\"keycloak\":{\"authority\":\"" + TestServer.issuer() + "\",\"realm\":\"mozaiks\","
                + "\"clientId\":\"mozaiks-app\",\"scopes\":\"openid profile email\",\"pkce\":true},"
                + "\"roles\":{\"claimPath\":\"realm_access.roles\",\"admin\":\"admin\"}}");
        Run ui = doctor("env", "--json", "--consumer", "successor-ui", authJson.toString());
        assertThat(ui.exit()).isEqualTo(ExitCodes.FINDINGS);
        List<String> names = new ArrayList<>();
        ui.json().get("differences").forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("keycloak.clientId", "keycloak.scopes", "roles.claimPath");

        // The successor's runtime: core's document without the director's lines is complete for it.
        Path successor = dir.resolve("successor.env");
        Files.writeString(successor, Http.get(TestServer.issuer() + "/mozaiks/contract/env/core").expect(200).body().lines()
                .filter(line -> !line.startsWith("MOZAIKS_ISSUER=") && !line.startsWith("MOZAIKS_JWKS_URL=")
                        && !line.startsWith("MOZAIKS_AUDIENCE="))
                .reduce("", (a, b) -> a + b + "\n"));
        Run runtime = doctor("env", "--consumer", "successor", successor.toString());
        assertThat(runtime.exit()).as(runtime.out() + runtime.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void usageErrorsExitWith64() {
        assertThat(doctor("env", "--consumer", "nobody", "x.env").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(doctor("token", "--jwks", "/no/such/file", "abc").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(doctor().exit()).isEqualTo(ExitCodes.USAGE);
    }

    private static Path jwksOfTheServer() throws Exception {
        Path file = Files.createTempFile("jwks", ".json");
        Files.writeString(file, Http.get(TestServer.issuer() + "/protocol/openid-connect/certs").expect(200).body());
        file.toFile().deleteOnExit();
        return file;
    }
}
