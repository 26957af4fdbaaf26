package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.doctor.token.TokenExamination;
import io.mozaiks.identity.doctor.token.TokenReport;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DPoP on the real server: a contract client whose access tokens are DPoP-bound (its own attribute, or a client
 * policy with the dpop-bind-enforcer executor) fails the conformance report, a plain contract client passes, and
 * the bound token Keycloak really issues carries {@code cnf.jkt}, which every Bearer-only consumer ignores.
 */
class DpopConformanceIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String BOUND = "dpop-app-" + SUFFIX;
    private static final String PLAIN = "plain-app-" + SUFFIX;
    private static final String USER = "dpop-user-" + SUFFIX;
    private static String boundSecret;

    @BeforeAll
    static void clients() {
        AdminApi admin = Fixture.admin();
        String id = Fixture.newContractClient(BOUND, Map.of(
                io.mozaiks.identity.keycloak.conformance.ProofOfPossessionChecks.DPOP_CLIENT_ATTRIBUTE, "true"));
        boundSecret = admin.get("/clients/" + id + "/client-secret").expect(200).json().get("value").asText();
        Fixture.newContractClient(PLAIN, Map.of());
        Fixture.newUser(USER);
    }

    @AfterAll
    static void cleanUp() {
        Fixture.deleteCreated();
    }

    private static JsonNode dpopCheck(JsonNode report, String clientId) {
        return ConformanceIT.check(report, clientId, "dpop-bound-tokens");
    }

    @Test
    void aClientWithDpopBoundTokensFailsAndAPlainContractClientPasses() {
        JsonNode report = Fixture.conformanceReport();

        assertThat(report.get("status").asText()).isEqualTo("fail");
        JsonNode bound = dpopCheck(report, BOUND);
        assertThat(bound.get("status").asText()).isEqualTo("fail");
        assertThat(bound.get("reason").asText()).contains("dpop.bound.access.tokens=true", "Authorization: Bearer");
        assertThat(bound.get("fix").asText()).contains("Clients > " + BOUND + " > Advanced");
        assertThat(dpopCheck(report, PLAIN).get("status").asText()).isEqualTo("pass");
    }

    @Test
    void theBoundTokenCarriesCnfJktAndBearerOnlyConsumersAcceptItWithoutTheBinding() throws Exception {
        String tokenEndpoint = Fixture.tokens().tokenEndpoint();
        Map<String, String> form = Map.of("grant_type", "password", "client_id", BOUND, "client_secret", boundSecret,
                "username", USER, "password", USER);
        // Without a proof Keycloak refuses the client: what a Bearer-only caller of this client gets.
        assertThat(Http.postForm(tokenEndpoint, form).status()).isEqualTo(400);

        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Reply reply = Http.postForm(tokenEndpoint, form, "DPoP", proof(key, tokenEndpoint));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("token_type").asText()).isEqualToIgnoringCase("DPoP");
        String token = reply.field("access_token");
        JWTClaimsSet claims = Fixture.claims(token);
        assertThat(claims.getJSONObjectClaim("cnf")).containsEntry("jkt", key.computeThumbprint().toString());

        // The consumers read Authorization: Bearer and check no proof: the stolen-token protection is gone.
        assertThat(Fixture.core().user(token).userId()).isNotBlank();
        assertThat(Fixture.platform().bearer(token).userId()).isNotBlank();

        TokenReport doctor = TokenExamination.examine(token, TestServer.issuer(), null, null);
        assertThat(doctor.warnings()).anySatisfy(w -> assertThat(w).contains("DPoP-bound", "WITHOUT its binding"));
    }

    @Test
    void anEnabledClientPolicyWithTheDpopExecutorFailsEveryContractClient() {
        AdminApi admin = Fixture.admin();
        JsonNode profilesBefore = admin.get("/client-policies/profiles").expect(200).json();
        JsonNode policiesBefore = admin.get("/client-policies/policies").expect(200).json();
        String profile = "dpop-profile-" + SUFFIX;
        String policy = "dpop-policy-" + SUFFIX;
        admin.put("/client-policies/profiles", Map.of("profiles", List.of(Map.of("name", profile,
                "executors", List.of(Map.of("executor", "dpop-bind-enforcer", "configuration", Map.of("auto-configure", "false"))))))).expect(204);
        try {
            // A condition that matches no client today: the report does not bet on conditions.
            admin.put("/client-policies/policies", Map.of("policies", List.of(Map.of("name", policy, "enabled", true,
                    "conditions", List.of(Map.of("condition", "client-attributes",
                            "configuration", Map.of("attributes", "[{\"key\":\"never-set\",\"value\":\"x\"}]"))),
                    "profiles", List.of(profile))))).expect(204);
            JsonNode report = Fixture.conformanceReport();
            for (String client : List.of(PLAIN, Fixture.CORE)) {
                JsonNode check = dpopCheck(report, client);
                assertThat(check.get("status").asText()).as(client).isEqualTo("fail");
                assertThat(check.get("reason").asText()).contains("\"" + policy + "\"", "\"" + profile + "\"",
                        "dpop-bind-enforcer", "client-attributes");
            }

            admin.put("/client-policies/policies", Map.of("policies", List.of(Map.of("name", policy, "enabled", false,
                    "conditions", List.of(), "profiles", List.of(profile))))).expect(204);
            assertThat(dpopCheck(Fixture.conformanceReport(), PLAIN).get("status").asText())
                    .as("a disabled policy binds nothing").isEqualTo("pass");
        } finally {
            admin.put("/client-policies/policies", policiesBefore).expect(204);
            admin.put("/client-policies/profiles", profilesBefore).expect(204);
        }
    }

    /** An RFC 9449 proof for a POST to {@code url}. */
    static String proof(ECKey key, String url) throws Exception {
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build(),
                new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "POST").claim("htu", url)
                        .issueTime(new Date()).build());
        proof.sign(new ECDSASigner(key));
        return proof.serialize();
    }
}
