package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.ConsumerView;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak Organizations (supported and on by default in Keycloak 26; switched on per realm): a member of an
 * organization signs in through a contract client that asks for the {@code organization} scope. Keycloak has had
 * bugs where that scope drops audience mappers and reshapes the {@code organization} claim on refresh; the
 * contract (audience, roles, tid, scp) and every consumer's view must not move, on login and on refresh.
 * The {@code organization} claim itself passes: no consumer reads it (docs/operations.md, "Organizations").
 */
class OrganizationsIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT = "org-app-" + SUFFIX;
    private static final String USER = "org-member-" + SUFFIX;
    private static final String ORGANIZATION = "org-" + SUFFIX;
    private static final String ORGANIZATION_SCOPE = "organization";

    private static boolean organizationsWereEnabled;
    private static String organizationId;
    private static String createdScopeId;
    private static String secret;

    @BeforeAll
    static void organizationWithAMember() {
        AdminApi admin = Fixture.admin();
        organizationsWereEnabled = admin.get("").expect(200).json().path("organizationsEnabled").asBoolean(false);
        admin.put("", Map.of("organizationsEnabled", true)).expect(204);

        String userId = Fixture.newUser(USER);
        // A realm role the contract passes on, so that "roles" is compared on something.
        admin.post("/users/" + userId + "/role-mappings/realm", List.of(admin.get("/roles/user").expect(200).json())).expect(204);
        admin.post("/organizations", Map.of("name", ORGANIZATION, "alias", ORGANIZATION,
                "domains", List.of(Map.of("name", ORGANIZATION + ".test")))).expect(201);
        organizationId = admin.get("/organizations?exact=true&search=" + ORGANIZATION).expect(200).json().get(0).get("id").asText();
        admin.post("/organizations/" + organizationId + "/members", "\"" + userId + "\"").expect(201);

        String clientId = Fixture.newContractClient(CLIENT, Map.of());
        admin.put("/clients/" + clientId + "/optional-client-scopes/" + organizationScopeId(admin), Map.of()).expect(204);
        secret = admin.get("/clients/" + clientId + "/client-secret").expect(200).json().get("value").asText();
    }

    /** Keycloak 26 creates the scope with new realms; a realm imported without it gets Keycloak's own mapper here. */
    private static String organizationScopeId(AdminApi admin) {
        for (JsonNode scope : admin.get("/client-scopes").expect(200).json()) {
            if (ORGANIZATION_SCOPE.equals(scope.get("name").asText())) {
                return scope.get("id").asText();
            }
        }
        admin.post("/client-scopes", Map.of("name", ORGANIZATION_SCOPE, "protocol", "openid-connect",
                "attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "true"),
                "protocolMappers", List.of(Map.of("name", "organization", "protocol", "openid-connect",
                        "protocolMapper", "oidc-organization-membership-mapper",
                        "config", Map.of("claim.name", "organization", "access.token.claim", "true",
                                "id.token.claim", "true", "introspection.token.claim", "true"))))).expect(201);
        createdScopeId = admin.get("/client-scopes").expect(200).json().findParents("name").stream()
                .filter(s -> ORGANIZATION_SCOPE.equals(s.get("name").asText())).findFirst().orElseThrow().get("id").asText();
        System.out.println("[OrganizationsIT] the realm had no client scope " + ORGANIZATION_SCOPE + "; created one");
        return createdScopeId;
    }

    @AfterAll
    static void cleanUp() {
        AdminApi admin = Fixture.admin();
        try {
            if (organizationId != null) {
                admin.delete("/organizations/" + organizationId);
            }
            Fixture.deleteCreated();
            if (createdScopeId != null) {
                admin.delete("/client-scopes/" + createdScopeId);
            }
        } finally {
            admin.put("", Map.of("organizationsEnabled", organizationsWereEnabled)).expect(204);
        }
    }

    private static Reply login(String scope) {
        return Fixture.tokens().password(CLIENT, secret, USER, USER, scope).expect(200);
    }

    /**
     * What the contract fixes and what each consumer concludes: must be the same with and without organizations.
     * The one allowed difference: the granted scope names ({@code scp}, and the scopes core and the platform read
     * from it) also list the organization scope the client asked for; {@link #organizationScopes} checks that
     * nothing else is added.
     */
    private static Map<String, Object> contractFacts(String token) throws Exception {
        JWTClaimsSet claims = Fixture.claims(token);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("aud", claims.getAudience());
        facts.put("roles", Fixture.roles(claims));
        facts.put("tid", claims.getStringClaim("tid"));
        facts.put("scp", withoutOrganization(scopeNames(claims)));
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            ConsumerView v = consumer.view(consumer.document(TestServer.issuer()), claims);
            facts.put(consumer.id() + " view", new ConsumerView(v.userId(), v.roles(), v.admin(), v.superAdmin(), v.mfa(),
                    v.internal(), v.tenant(), withoutOrganization(v.scopes()), v.clientId()));
        }
        return facts;
    }

    private static List<String> scopeNames(JWTClaimsSet claims) {
        Object scp = claims.getClaim("scp");
        return scp == null ? List.of() : List.of(scp.toString().split(" "));
    }

    private static boolean isOrganizationScope(String name) {
        return name.equals(ORGANIZATION_SCOPE) || name.startsWith(ORGANIZATION_SCOPE + ":");
    }

    private static List<String> withoutOrganization(List<String> scopes) {
        return scopes.stream().filter(s -> !isOrganizationScope(s)).sorted().toList();
    }

    /** The scope names a token has beyond the baseline's: only organization scopes may be added. */
    private static List<String> organizationScopes(String token, List<String> baseline) {
        List<String> added = new ArrayList<>(scopeNames(Fixture.claims(token)));
        added.removeAll(baseline);
        assertThat(added).as("scopes added to scp by the organization request").allMatch(OrganizationsIT::isOrganizationScope);
        return added;
    }

    private static void assertEveryConsumerAccepts(String token) throws Exception {
        assertThat(Fixture.core().user(token).userId()).isNotBlank();
        assertThat(Fixture.coreSuccessor().user(token).userId()).isNotBlank();
        assertThat(Fixture.platform().bearer(token).userId()).isNotBlank();
        assertThat(Fixture.pluginHost().authenticate(token).userId()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {ORGANIZATION_SCOPE, ORGANIZATION_SCOPE + " openid", "organization:" + "ORG"})
    void theOrganizationScopeChangesNothingTheContractDecidesOnLoginOrRefresh(String requested) throws Exception {
        String scope = requested.replace("ORG", ORGANIZATION);
        // The same request without the organization scope: what the contract gives this user anyway.
        String others = String.join(" ", withoutOrganization(List.of(scope.split(" "))));
        String plain = Fixture.accessToken(login(others.isEmpty() ? null : others));
        Map<String, Object> baseline = contractFacts(plain);
        List<String> baselineScopes = scopeNames(Fixture.claims(plain));
        assertThat(baseline.get("aud").toString()).contains(API);
        assertThat(baseline.get("tid")).isEqualTo("mozaiks");
        assertThat(baseline.get("scp").toString()).contains("access_as_user");
        assertThat(baseline.get("roles").toString()).contains("user");

        Reply login = login(scope);
        String access = login.field("access_token");
        JWTClaimsSet claims = Fixture.claims(access);
        assertThat(claims.getClaim("organization")).as("Keycloak acted on scope %s: %s", scope, claims.toJSONObject())
                .isNotNull();
        assertThat(claims.getClaim("organization").toString()).contains(ORGANIZATION);
        assertThat(contractFacts(access)).as("login with scope " + scope).isEqualTo(baseline);
        assertThat(organizationScopes(access, baselineScopes)).isNotEmpty();
        assertEveryConsumerAccepts(access);

        List<String> refreshed = new ArrayList<>();
        String refreshToken = login.field("refresh_token");
        for (int i = 0; i < 2; i++) {
            Reply refresh = Fixture.tokens().refresh(CLIENT, secret, refreshToken).expect(200);
            String again = refresh.field("access_token");
            assertThat(contractFacts(again)).as("refresh %d with scope %s", i + 1, scope).isEqualTo(baseline);
            organizationScopes(again, baselineScopes);
            assertEveryConsumerAccepts(again);
            refreshed.add(String.valueOf(Fixture.claims(again).getClaim("organization")));
            refreshToken = refresh.field("refresh_token");
        }
        System.out.printf("[OrganizationsIT] scope %s: organization claim on login %s, on refresh %s%n", scope,
                claims.getClaim("organization"), refreshed);
    }
}
