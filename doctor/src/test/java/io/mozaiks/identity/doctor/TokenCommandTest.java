package io.mozaiks.identity.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mozaiks-doctor token} offline ({@code --jwks}) on tokens Keycloak with the contract never issues:
 * each consumer's deciding rule, its own clock skew, and roles as each consumer computes them.
 * The real server's tokens are checked in keycloak-extension's DoctorIT.
 */
class TokenCommandTest {

    private static final String ISSUER = "https://id.example.test/realms/mozaiks";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RSAKey key;
    private static Path jwks;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        jwks = Files.createTempFile("doctor-jwks", ".json");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");
    }

    static String token(Map<String, Object> claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                JWTClaimsSet.parse(claims));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static Map<String, Object> user() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", List.of("mozaiks-api"));
        claims.put("sub", "u-1");
        claims.put("sid", "session-1");
        claims.put("azp", "mozaiks-shell");
        claims.put("exp", now + 300);
        claims.put("iat", now);
        claims.put("scope", "openid access_as_user");
        claims.put("scp", "access_as_user");
        claims.put("roles", List.of("user"));
        claims.put("tid", "t-1");
        return claims;
    }

    record Run(int exit, String out) {
        JsonNode verdict(String scheme) throws Exception {
            for (JsonNode v : JSON.readTree(out).get("verdicts")) {
                if (scheme.equals(v.get("scheme").asText())) {
                    return v;
                }
            }
            throw new AssertionError(scheme);
        }
    }

    static Run doctor(String token, String... extra) {
        List<String> args = new ArrayList<>(List.of("token", "--json", "--jwks", jwks.toString(), "--issuer", ISSUER));
        Collections.addAll(args, extra);
        args.add(token);
        StringWriter out = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        return new Run(cli.execute(args.toArray(String[]::new)), out.toString());
    }

    @Test
    void aContractUserTokenIsAcceptedByEveryUserScheme() throws Exception {
        Run run = doctor(token(user()));
        assertThat(run.exit()).as(run.out()).isZero();
        for (String scheme : List.of("core_user", "core_successor_user", "plugin_host", "platform_bearer")) {
            assertThat(run.verdict(scheme).get("verdict").asText()).as(scheme).isEqualTo("ACCEPT");
        }
    }

    @Test
    void withoutTheScopeCoreAndPlatformAnswer403WithTheScopeFix() throws Exception {
        Map<String, Object> claims = user();
        claims.remove("scope");
        claims.remove("scp");
        Run run = doctor(token(claims));

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        for (String scheme : List.of("core_user", "core_successor_user", "platform_bearer")) {
            JsonNode v = run.verdict(scheme);
            assertThat(v.get("rule").asText()).as(scheme).isEqualTo("SCOPE_MISSING");
            assertThat(v.get("status").asInt()).isEqualTo(403);
            assertThat(v.get("fix").asText()).contains("DEFAULT scope");
        }
        assertThat(run.verdict("plugin_host").get("verdict").asText()).as("plugin-host checks no scope").isEqualTo("ACCEPT");
    }

    @Test
    void aServiceTokenWithAScopeIsRefusedByInternalBearer() throws Exception {
        Map<String, Object> claims = user();
        claims.put("sub", "sa-1");
        claims.remove("sid");
        claims.put("azp", "mozaiks-core");
        claims.put("client_id", "mozaiks-core");
        claims.put("preferred_username", "service-account-mozaiks-core");
        claims.put("roles", List.of("internal_service"));
        Run run = doctor(token(claims));

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode internal = run.verdict("platform_internal_bearer");
        assertThat(internal.get("rule").asText()).isEqualTo("USER_TOKEN_ON_INTERNAL");
        assertThat(internal.get("meant_for_this_token").asBoolean()).isTrue();
        assertThat(run.verdict("core_internal").get("rule").asText()).isEqualTo("USER_TOKEN_ON_INTERNAL");
    }

    @Test
    void nestedRolesAreSeenByCoreAndPluginHostButNotByThePlatform() throws Exception {
        Map<String, Object> claims = user();
        claims.remove("roles");
        claims.put("realm_access", Map.of("roles", List.of("admin", "offline_access")));
        Run run = doctor(token(claims));

        JsonNode core = run.verdict("core_user").get("principal");
        assertThat(core.get("roles").toString()).isEqualTo("[\"admin\",\"offline_access\"]");
        assertThat(core.get("superadmin").asBoolean()).as("core's fallback to realm_access makes admin a superadmin").isTrue();
        assertThat(run.verdict("plugin_host").get("principal").get("roles").toString()).contains("admin");
        JsonNode platform = run.verdict("platform_bearer").get("principal");
        assertThat(platform.get("roles").toString()).isEqualTo("[]");
        assertThat(platform.get("platform_admin").asBoolean()).isFalse();
    }

    @Test
    void eachConsumerAppliesItsOwnClockSkew() throws Exception {
        Map<String, Object> claims = user();
        long now = System.currentTimeMillis() / 1000;
        claims.put("exp", now - 60);
        claims.put("iat", now - 360);
        Run aMinuteAgo = doctor(token(claims));
        assertThat(aMinuteAgo.verdict("core_user").get("verdict").asText()).as("core: 120 s leeway").isEqualTo("ACCEPT");
        assertThat(aMinuteAgo.verdict("platform_bearer").get("verdict").asText()).as(".NET: 120 s").isEqualTo("ACCEPT");
        assertThat(aMinuteAgo.verdict("plugin_host").get("rule").asText()).as("plugin-host: no leeway").isEqualTo("EXPIRED");

        claims.put("exp", now - 600);
        assertThat(doctor(token(claims)).verdict("core_user").get("rule").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void somethingThatIsNotAJwtIsAFindingForEveryScheme() throws Exception {
        Run run = doctor("not-a-token");
        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.verdict("core_user").get("rule").asText()).isEqualTo("NOT_A_JWT");
        assertThat(run.verdict("platform_internal_bearer").get("rule").asText()).isEqualTo("NOT_A_JWT");
    }

    @Test
    void aTokenAboveCommonHeaderLimitsIsWarnedAbout() throws Exception {
        Map<String, Object> claims = user();
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            roles.add("a-rather-long-application-role-name-" + i);
        }
        claims.put("roles", roles);
        Run run = doctor(token(claims));
        assertThat(JSON.readTree(run.out()).get("warnings").toString()).contains("8 KB");
        assertThat(run.exit()).as("a warning is not a finding").isZero();
    }

    @Test
    void aTokenNamingAFileAsItsIssuerNeverMakesTheDoctorReadThatFile() throws Exception {
        Map<String, Object> claims = user();
        claims.put("iss", jwks.toUri().toString());
        StringWriter out = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("token", "--json", token(claims));
        assertThat(exit).isEqualTo(ExitCodes.FINDINGS);
        JsonNode verdicts = JSON.readTree(out.toString()).get("verdicts");
        for (JsonNode v : verdicts) {
            assertThat(v.get("rule").asText()).isEqualTo("ISSUER");
        }
    }

    @Test
    void withoutIssuerTheTokensOwnIssuerIsUsedAndTheOutputSaysSo() throws Exception {
        StringWriter out = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("token", "--jwks", jwks.toString(), token(user()));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("OWN issuer").contains("ACCEPT mozaiks-core runtime, user endpoint")
                .contains("RESULT no finding (exit 0)");
    }

    @Test
    void aDpopBoundTokenIsExplainedAsBearerOnlyConsumersSeeIt() throws Exception {
        Map<String, Object> claims = user();
        claims.put("cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"));
        Run run = doctor(token(claims));
        String warnings = JSON.readTree(run.out()).get("warnings").toString();
        assertThat(warnings).contains("DPoP-bound", "cnf.jkt = 0ZcOCORZNYy", "Authorization: DPoP", "WITHOUT its binding",
                "dpop.bound.access.tokens");
        assertThat(run.verdict("core_user").get("verdict").asText()).as("as Bearer the binding is simply ignored")
                .isEqualTo("ACCEPT");

        Run plain = doctor(token(user()));
        assertThat(JSON.readTree(plain.out()).get("warnings").toString()).doesNotContain("DPoP");
    }

    @Test
    void aCertificateBoundTokenIsExplainedToo() throws Exception {
        Map<String, Object> claims = user();
        claims.put("cnf", Map.of("x5t#S256", "bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2"));
        assertThat(JSON.readTree(doctor(token(claims)).out()).get("warnings").toString()).contains("client certificate");
    }
}
