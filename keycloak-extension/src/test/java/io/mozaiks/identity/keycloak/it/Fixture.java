package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.PluginHostConsumer;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.SuccessorConsumer;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import io.mozaiks.identity.testkit.server.TokenClient;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared access to the one test server, its realm and the two consumers configured as contract v1 says. */
final class Fixture {

    static final String API = "mozaiks-api";
    static final String SHELL = "mozaiks-shell";
    static final String CORE = "mozaiks-core";
    static final String PLATFORM = "mozaiks-platform";
    static final String CONTRACT_SCOPE = "access_as_user";

    private Fixture() {
    }

    /**
     * Skips the calling test, with the reason printed, when the server under test (the version matrix:
     * {@code -Dkeycloak.server.version}) is older than {@code minimum}: for tests that need a newer Keycloak
     * feature, not for contract failures.
     */
    static void assumeServerAtLeast(String minimum, String reason) {
        String version = TestServer.serverVersion();
        boolean older = compareVersions(version, minimum) < 0;
        if (older) {
            System.out.println("[matrix] skipped on Keycloak " + version + " (needs " + minimum + "+): " + reason);
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(older,
                () -> "needs Keycloak " + minimum + "+, runs " + version + ": " + reason);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(3, Math.max(x.length, y.length)); i++) {
            int diff = Integer.compare(part(x, i), part(y, i));
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static AdminApi admin() {
        return AdminApi.forTestRealm();
    }

    static TokenClient tokens() {
        return TokenClient.forTestRealm();
    }

    static PythonCoreConsumer core() {
        return PythonCoreConsumer.fromEnv(ContractEnv.core(TestServer.issuer()));
    }

    /** mozaiks-core's successor (the unified mozaiks runtime), configured by core's document as docs/configuration.md says. */
    static SuccessorConsumer coreSuccessor() {
        return SuccessorConsumer.fromEnv(ContractEnv.core(TestServer.issuer()));
    }

    static PluginHostConsumer pluginHost() {
        return PluginHostConsumer.fromEnv(ContractEnv.pluginHost(TestServer.issuer()));
    }

    /** Core (user and internal endpoints), .NET (Bearer and InternalBearer) and plugin-host all refuse it. */
    static void assertRejectedByEveryConsumer(String token) {
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> core().user(token), () -> core().internal(token, false),
                () -> platform().bearer(token), () -> platform().internalBearer(token),
                () -> pluginHost().authenticate(token));
        for (org.junit.jupiter.api.function.Executable call : calls) {
            org.junit.jupiter.api.Assertions.assertThrows(Rejected.class, call);
        }
    }

    static DotnetPlatformConsumer platform() {
        return DotnetPlatformConsumer.fromEnv(ContractEnv.platform(TestServer.issuer()));
    }

    /** The contract mapper of the contract scope, as the admin API represents it. */
    static com.fasterxml.jackson.databind.node.ObjectNode contractMapper() {
        AdminApi admin = admin();
        String scope = admin.clientScopeId(CONTRACT_SCOPE);
        for (com.fasterxml.jackson.databind.JsonNode mapper : admin.get("/client-scopes/" + scope + "/protocol-mappers/models")
                .expect(200).json()) {
            if ("mozaiks-contract-v1-mapper".equals(mapper.get("protocolMapper").asText())) {
                return (com.fasterxml.jackson.databind.node.ObjectNode) mapper;
            }
        }
        throw new AssertionError("no contract mapper in " + CONTRACT_SCOPE);
    }

    /** The id of the contract mapper that counts: the lowest id among those in the contract scope. */
    static String contractMapperIdThatCounts() {
        AdminApi admin = admin();
        String scope = admin.clientScopeId(CONTRACT_SCOPE);
        List<String> ids = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode mapper : admin.get("/client-scopes/" + scope + "/protocol-mappers/models")
                .expect(200).json()) {
            if ("mozaiks-contract-v1-mapper".equals(mapper.get("protocolMapper").asText())) {
                ids.add(mapper.get("id").asText());
            }
        }
        return ids.stream().sorted().findFirst().orElseThrow();
    }

    static void putContractMapper(com.fasterxml.jackson.databind.JsonNode mapper) {
        AdminApi admin = admin();
        admin.put("/client-scopes/" + admin.clientScopeId(CONTRACT_SCOPE) + "/protocol-mappers/models/"
                + mapper.get("id").asText(), mapper).expect(204);
    }

    static String serviceToken(String clientId) {
        return tokens().clientCredentials(clientId, admin().clientSecret(clientId)).expect(200).field("access_token");
    }

    static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }

    static SignedJWT jwt(String jwt) {
        try {
            return SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> roles(JWTClaimsSet claims) {
        return (List<String>) claims.getClaim("roles");
    }

    static String accessToken(Reply tokenResponse) {
        return tokenResponse.expect(200).field("access_token");
    }

    /**
     * A new confidential client whose ONLY contract step is the contract scope as a default scope;
     * answers its internal id. Direct grants are on so tests can get user tokens without a browser.
     */
    static String newContractClient(String clientId, Map<String, String> attributes) {
        return newContractClient(clientId, attributes, false);
    }

    /** As {@link #newContractClient(String, Map)}, with a service account when asked; deleted by {@link #deleteCreated()}. */
    static String newContractClient(String clientId, Map<String, String> attributes, boolean serviceAccount) {
        AdminApi admin = admin();
        String id = admin.createClient(Map.of(
                "clientId", clientId,
                "publicClient", false,
                "secret", "secret-" + UUID.randomUUID(),
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true,
                "serviceAccountsEnabled", serviceAccount,
                "attributes", attributes,
                "defaultClientScopes", List.of("basic", "profile", "email")));
        CREATED_CLIENTS.add(id);
        admin.put("/clients/" + id + "/default-client-scopes/" + admin.clientScopeId(CONTRACT_SCOPE), Map.of()).expect(204);
        return id;
    }

    private static final List<String> CREATED_CLIENTS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final List<String> CREATED_USERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Deletes the clients and users the fixture created: they would otherwise fail the realm-wide
     * conformance checks of later test classes (a stray contract mapper, a person holding a service role).
     */
    static void deleteCreated() {
        AdminApi admin = admin();
        CREATED_CLIENTS.forEach(id -> admin.delete("/clients/" + id));
        CREATED_USERS.forEach(id -> admin.delete("/users/" + id));
        CREATED_CLIENTS.clear();
        CREATED_USERS.clear();
    }

    /** Registers a client created by other means for {@link #deleteCreated()}. */
    static String created(String clientUuid) {
        CREATED_CLIENTS.add(clientUuid);
        return clientUuid;
    }

    /**
     * A client created the way an admin does in the console: no default scopes given, so it gets the
     * realm's defaults (Keycloak's {@code roles} scope among them), then the contract scope as Default.
     * Direct grants on, so tests log users in without a browser; answers its secret.
     */
    static String ordinaryContractClient(String clientId, boolean serviceAccount) {
        AdminApi admin = admin();
        String secret = "secret-" + UUID.randomUUID();
        String id = created(admin.createClient(Map.of("clientId", clientId, "publicClient", false, "secret", secret,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true, "serviceAccountsEnabled", serviceAccount)));
        admin.put("/clients/" + id + "/default-client-scopes/" + admin.clientScopeId(CONTRACT_SCOPE), Map.of()).expect(204);
        return secret;
    }

    /** A user with password = username, email verified; answers the user id. */
    static String newUser(String username) {
        AdminApi admin = admin();
        admin.post("/users", Map.of("username", username, "enabled", true, "email", username + "@mozaiks.test",
                "emailVerified", true, "firstName", "Test", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)))).expect(201);
        String id = admin.userId(username);
        CREATED_USERS.add(id);
        return id;
    }

    /** Grants realm roles (e.g. user, superadmin) to a user. */
    static void grantRealmRoles(String userId, String... roles) {
        AdminApi admin = admin();
        List<com.fasterxml.jackson.databind.JsonNode> reps = new java.util.ArrayList<>();
        for (String role : roles) {
            reps.add(admin.get("/roles/" + role).expect(200).json());
        }
        admin.post("/users/" + userId + "/role-mappings/realm", reps).expect(204);
    }

    /** Grants realm-management roles (e.g. manage-clients) to a user. */
    static void grantRealmManagement(String userId, String... roles) {
        AdminApi admin = admin();
        String rm = admin.clientUuid("realm-management");
        List<com.fasterxml.jackson.databind.JsonNode> reps = new java.util.ArrayList<>();
        for (String role : roles) {
            reps.add(admin.get("/clients/" + rm + "/roles/" + role).expect(200).json());
        }
        admin.post("/users/" + userId + "/role-mappings/clients/" + rm, reps).expect(204);
    }

    /** A token of the realm's admin-cli (public, direct grants), as the admin console's users get one. */
    static String adminCliToken(String username) {
        return accessToken(tokens().password("admin-cli", null, username, username, null));
    }

    /** Runs {@code body} while the realm attribute has {@code value} (raw, as a realm admin may save it), then restores it. */
    static void withRealmAttribute(String name, String value, org.junit.jupiter.api.function.Executable body) throws Throwable {
        String before = realmAttribute(name);
        setRealmAttribute(name, value);
        try {
            body.execute();
        } finally {
            setRealmAttribute(name, before);
        }
    }

    /** The realm representation with one attribute changed (null removes it), as a realm admin saves it. */
    static void setRealmAttribute(String name, String value) {
        AdminApi admin = admin();
        com.fasterxml.jackson.databind.node.ObjectNode realm = (com.fasterxml.jackson.databind.node.ObjectNode) admin.get("").expect(200).json();
        com.fasterxml.jackson.databind.node.ObjectNode attributes = realm.has("attributes")
                ? (com.fasterxml.jackson.databind.node.ObjectNode) realm.get("attributes") : realm.putObject("attributes");
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        admin.put("", realm).expect(204);
    }

    static String realmAttribute(String name) {
        com.fasterxml.jackson.databind.JsonNode attributes = admin().get("").expect(200).json().get("attributes");
        return attributes == null || !attributes.has(name) ? null : attributes.get(name).asText();
    }

    private static final String REPORT_READER = "conformance-reader";

    /** The conformance report as a realm user holding view-clients (created once, kept for the run). */
    static com.fasterxml.jackson.databind.JsonNode conformanceReport() {
        AdminApi admin = admin();
        if (admin.get("/users?exact=true&username=" + REPORT_READER).expect(200).json().isEmpty()) {
            admin.post("/users", Map.of("username", REPORT_READER, "enabled", true, "email", REPORT_READER + "@mozaiks.test",
                    "emailVerified", true, "firstName", "Report", "lastName", "Reader",
                    "credentials", List.of(Map.of("type", "password", "value", REPORT_READER, "temporary", false)))).expect(201);
            grantRealmManagement(admin.userId(REPORT_READER), "view-clients");
        }
        String token = adminCliToken(REPORT_READER);
        return ContractEndpointIT.get("/conformance", "Authorization", "Bearer " + token).expect(200).json();
    }
}
