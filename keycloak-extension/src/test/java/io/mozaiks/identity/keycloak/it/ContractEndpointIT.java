package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mozaiks.identity.keycloak.it.Fixture.CORE;
import static io.mozaiks.identity.keycloak.it.Fixture.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

/** The public contract endpoint against the real server: its answers must match what real tokens carry. */
class ContractEndpointIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String userToken;
    private static String serviceToken;

    @BeforeAll
    static void tokens() {
        userToken = CodeFlowLogin.shell().login("dev-admin", "dev-admin").expect(200).field("access_token");
        serviceToken = Fixture.serviceToken(CORE);
    }

    static String url(String path) {
        return TestServer.issuer() + "/mozaiks/contract" + path;
    }

    static Reply get(String path, String... headers) {
        return Http.get(url(path), headers);
    }

    @Test
    void contractEqualsWhatRealTokensCarry() throws Exception {
        Reply reply = get("").expect(200);
        assertNoStoreAndCors(reply);
        JsonNode doc = reply.json();
        JWTClaimsSet user = Fixture.claims(userToken);
        JWTClaimsSet service = Fixture.claims(serviceToken);

        assertThat(doc.get("contract_version").asText()).isEqualTo("1.2");
        // The published read names are the extension's one list, and no real token spells one of them another way.
        assertThat(strings(doc.at("/claim_names/read_names"))).containsExactlyElementsOf(
                io.mozaiks.identity.keycloak.contract.ReadClaimNames.ALL);
        assertThat(user.getClaims().keySet()).noneMatch(io.mozaiks.identity.keycloak.contract.ReadClaimNames::isCaseVariant);
        assertThat(doc.get("issuer").asText()).isEqualTo(user.getIssuer()).isEqualTo(service.getIssuer());
        assertThat(user.getAudience()).contains(doc.get("audience").asText());
        assertThat(service.getAudience()).contains(doc.get("audience").asText());
        for (JsonNode audience : doc.get("audiences")) {
            assertThat(user.getAudience()).contains(audience.asText());
        }
        String requiredScope = doc.get("required_scope").asText();
        assertThat(user.getStringClaim("scope").split(" ")).contains(requiredScope);
        assertThat(user.getStringClaim("scp")).isEqualTo(user.getStringClaim("scope"));
        assertThat(doc.get("signing_algorithm").asText()).isEqualTo(Fixture.jwt(userToken).getHeader().getAlgorithm().getName());
        assertThat(doc.get("warnings")).isEmpty();

        assertThat(user.getClaims()).containsKeys(strings(doc.at("/user_token/claims")).toArray(String[]::new));
        assertThat(service.getClaims()).containsKeys(strings(doc.at("/service_token/claims")).toArray(String[]::new));
        assertThat(service.getClaims()).doesNotContainKeys(strings(doc.at("/service_token/absent_claims")).toArray(String[]::new));
        String rolesClaim = doc.at("/roles/claim").asText();
        assertThat(user.getClaim(rolesClaim)).isInstanceOf(List.class);
        assertThat(service.getClaim(rolesClaim)).isInstanceOf(List.class);
        String tenantClaim = doc.at("/tenant/claim").asText();
        assertThat(user.getStringClaim(tenantClaim)).isEqualTo(doc.at("/tenant/value").asText());
        assertThat(service.getStringClaim(tenantClaim)).isEqualTo(doc.at("/tenant/value").asText());

        // The published URLs are the realm's real ones.
        JsonNode discovery = Http.get(doc.get("discovery_url").asText()).expect(200).json();
        assertThat(discovery.get("issuer").asText()).isEqualTo(doc.get("issuer").asText());
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo(doc.get("jwks_uri").asText());
        String kid = Fixture.jwt(userToken).getHeader().getKeyID();
        assertThat(Http.get(doc.get("jwks_uri").asText()).expect(200).body()).contains(kid);
    }

    @Test
    void eachConsumersEnvFileAcceptsRealTokens() throws Exception {
        Map<String, String> core = EnvFile.parse(get("/env/core").expect(200).body());
        Map<String, String> platform = EnvFile.parse(get("/env/platform").expect(200).body());

        // Exactly the settings the contract promises (docs/consumer-findings.md).
        assertThat(core).isEqualTo(ContractEnv.core(TestServer.issuer()));
        assertThat(platform).isEqualTo(ContractEnv.platform(TestServer.issuer()));

        PythonCoreConsumer python = PythonCoreConsumer.fromEnv(core);
        assertThat(PythonCoreConsumer.directorStarts(core)).isTrue();
        assertThat(python.user(userToken).roles()).contains("Admin").doesNotContain("admin");
        assertThat(python.internal(serviceToken, true).clientId()).isEqualTo(CORE);
        DotnetPlatformConsumer dotnet = DotnetPlatformConsumer.fromEnv(platform);
        assertThat(dotnet.isPlatformAdmin(dotnet.bearer(userToken))).isTrue();
        assertThat(dotnet.internalBearer(Fixture.serviceToken(PLATFORM)).tenant()).isEqualTo("mozaiks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "platform"})
    void envAsJsonHasTheSameVariables(String consumer) {
        Reply text = get("/env/" + consumer).expect(200);
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertNoStoreAndCors(text);
        Reply json = get("/env/" + consumer, "Accept", "application/json").expect(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        Map<String, String> variables = JSON.convertValue(json.json().get("variables"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        assertThat(variables).isEqualTo(EnvFile.parse(text.body()));
    }

    @Test
    void changingTheContractScopeConfigChangesTheAnswer() throws Exception {
        ObjectNode original = Fixture.contractMapper();
        ObjectNode changed = original.deepCopy();
        ((ObjectNode) changed.get("config")).put("mozaiks.tenant", "tenant-x");
        Fixture.putContractMapper(changed);
        try {
            assertThat(get("").expect(200).json().at("/tenant/value").asText()).isEqualTo("tenant-x");
            // ...and it is what tokens now carry.
            assertThat(Fixture.claims(Fixture.serviceToken(CORE)).getStringClaim("tid")).isEqualTo("tenant-x");
        } finally {
            Fixture.putContractMapper(original);
        }
        assertThat(get("").expect(200).json().at("/tenant/value").asText()).isEqualTo("mozaiks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/env/platform", "/env/core"})
    void spoofedHostHeadersDoNotMoveTheIssuer(String path) throws Exception {
        String body = rawGet("/realms/mozaiks/mozaiks/contract" + path, "evil.example");
        assertThat(body).doesNotContain("evil.example").contains(TestServer.issuer());
        if (path.isEmpty()) {
            JsonNode doc = JSON.readTree(body);
            assertThat(doc.get("issuer").asText()).isEqualTo(TestServer.issuer());
            assertThat(doc.get("jwks_uri").asText()).isEqualTo(TestServer.issuer() + "/protocol/openid-connect/certs");
            assertThat(doc.get("warnings")).isEmpty();
        }
    }

    @Test
    void unknownRealmConsumerPathAndMethodsAnswerAsSpecified() {
        assertThat(Http.get(TestServer.baseUrl() + "/realms/no-such-realm/mozaiks/contract").status()).isEqualTo(404);
        Reply consumer = get("/env/dotnet").expect(404);
        assertThat(consumer.field("error")).isEqualTo("unknown_consumer");
        assertNoStoreAndCors(consumer);
        assertThat(get("/nothing-here").status()).isEqualTo(404);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Reply reply = send(method, url(""));
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }
        Reply head = send("HEAD", url(""));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Cache-Control")).isEqualTo("no-store");
        Reply options = send("OPTIONS", url("/env/core"));
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(options.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void realmWithoutTheContractScopeAnswers404WithWhatToConfigure() {
        AdminApi root = new AdminApi(TestServer.baseUrl(), "");
        String name = "mozaiks-no-contract";
        root.post("", Map.of("realm", name, "enabled", true)).expect(201);
        try {
            Reply reply = Http.get(TestServer.baseUrl() + "/realms/" + name + "/mozaiks/contract").expect(404);
            assertThat(reply.field("error")).isEqualTo("contract_not_configured");
            assertThat(reply.field("fix")).contains("access_as_user", "mozaiks contract v1");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        } finally {
            new AdminApi(TestServer.baseUrl(), name).delete("").expect(204);
        }
    }

    @Test
    void noSecretUserDataOrPrivateKeyInAnyPublicAnswer() {
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("", "/env/core", "/env/platform", "/env/shell", "/env/successor-ui")) {
            bodies.add(get(path).expect(200).body());
            bodies.add(get(path, "Accept", "application/json").expect(200).body());
        }
        assertNoSecrets(bodies);
    }

    static void assertNoSecrets(List<String> bodies) {
        AdminApi admin = Fixture.admin();
        // Secret-carrying fields and the secrets themselves; the report may name the word "secret" in advice.
        List<String> forbidden = new ArrayList<>(List.of("PRIVATE KEY", "privateKey", "\"secret\"", "client_secret",
                "_SECRET=", "\"password\"", "dev-admin@mozaiks.test", "dev-superadmin", "dev-user", "\"d\":"));
        for (String client : List.of(Fixture.API, CORE, PLATFORM)) {
            forbidden.add(admin.clientSecret(client));
        }
        for (String body : bodies) {
            for (String word : forbidden) {
                assertThat(body).doesNotContainIgnoringCase(word);
            }
        }
    }

    static void assertNoStoreAndCors(Reply reply) {
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    static Reply send(String method, String url) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        assertThat(out).isNotEmpty();
        return out;
    }

    /** The JDK client refuses to set Host, so a plain socket sends the spoofed headers. */
    private static String rawGet(String path, String host) throws IOException {
        URI base = URI.create(TestServer.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "X-Forwarded-Host: " + host + "\r\n"
                    + "X-Forwarded-Proto: https\r\n"
                    + "X-Forwarded-Port: 443\r\n"
                    + "Forwarded: host=" + host + ";proto=https\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            assertThat(head).startsWith("HTTP/1.1 200");
            return head.toLowerCase().contains("transfer-encoding: chunked") ? dechunk(body) : body;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
