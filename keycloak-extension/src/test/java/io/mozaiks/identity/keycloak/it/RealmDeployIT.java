package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mozaiks.identity.consumers.CallerKind;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.ConsumerView;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.TokenScheme;
import io.mozaiks.identity.doctor.DoctorCli;
import io.mozaiks.identity.doctor.ExitCodes;
import io.mozaiks.identity.runner.ServerSettings;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import io.mozaiks.identity.testkit.server.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mozaiks-doctor realm plan/apply} on realms with the SHAPE of the two upstream realms (test resources
 * realm-shapes/, written for this test from docs/consumer-findings.md): imported, planned, applied; then the tokens
 * of the named clients pass every consumer emulation with exactly the roles Keycloak granted, conformance passes,
 * a second plan and apply are empty, and a realm admin without manage-realm is refused with nothing changed.
 */
class RealmDeployIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CREATED = new ArrayList<>();

    record Run(int exit, String out, String err) {
    }

    @AfterAll
    static void deleteRealms() {
        for (String realm : CREATED) {
            new AdminApi(TestServer.baseUrl(), realm).delete("");
        }
    }

    /** Imports a realm file under {@code name}. */
    private static void importRealm(String resource, String name) throws Exception {
        try (InputStream in = RealmDeployIT.class.getResourceAsStream("/realm-shapes/" + resource)) {
            ObjectNode realm = (ObjectNode) JSON.readTree(in);
            realm.put("realm", name);
            new AdminApi(TestServer.baseUrl(), name).createRealm(realm).expect(201);
            CREATED.add(name);
        }
    }

    /** The doctor in this JVM, its admin password piped through standard input as an operator's secret manager would. */
    private static synchronized Run doctor(String password, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(password.getBytes(StandardCharsets.UTF_8)));
        try {
            return new Run(cli.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(stdin);
        }
    }

    private static Run realm(String command, String realm, String user, String password, String... more) {
        List<String> args = new ArrayList<>(List.of("realm", command, "--url", TestServer.baseUrl(), "--realm", realm,
                "--admin-realm", realm, "--admin-user", user, "--password-stdin"));
        args.addAll(List.of(more));
        return doctor(password, args.toArray(String[]::new));
    }

    private static final String[] CORE_CLIENTS = {"--client", "mozaiks-shell", "--service-account", "mozaiks-core", "--app-id", "core-app"};

    @Test
    void coresExampleRealmIsPlannedAppliedAndThenEveryConsumerAcceptsItsTokensWithTheRolesGranted() throws Exception {
        String realm = "deploy-core-example";
        importRealm("core-example-realm.json", realm);

        Run plan = realm("plan", realm, "deploy-realm-admin", "deploy-realm-admin-pw", CORE_CLIENTS);
        System.out.println("[realm plan, core example]\n" + plan.out() + plan.err());
        assertThat(plan.exit()).as(plan.err()).isEqualTo(ExitCodes.OK);
        // The admin API showed this admin the server's version (26.7.x at or above the floor): no note, no warning.
        assertThat(plan.err()).as("security-floor line of realm plan").doesNotContain("security floor");
        assertThat(plan.out()).contains("(dry run: nothing is changed)")
                .contains("create realm role platform_admin").contains("create realm role internal_service")
                .contains("client mozaiks-api (the API audience, which only receives tokens): switch off standard flow")
                .contains("create client scope access_as_user with its one mapper")
                .contains("client mozaiks-shell: delete mapper \"mozaiks-api audience\" (oidc-audience-mapper, writes aud (mozaiks-api)")
                .contains("client mozaiks-shell: delete mapper \"realm roles\" (oidc-usermodel-realm-role-mapper, writes roles,")
                .contains("client mozaiks-shell: remove default client scope mozaiks-scope")
                .contains("client mozaiks-shell: remove default client scope roles")
                .contains("client mozaiks-core: remove default client scope roles")
                .contains("client mozaiks-shell: set attribute mozaiks.app_id=core-app")
                .contains("service account of client mozaiks-core: grant realm role internal_service")
                .contains("set realm attribute mozaiks.contract.version=1.2")
                .contains("other clients: account, account-console, admin-cli, broker, realm-management, security-admin-console");
        assertThat(realm("plan", realm, "deploy-realm-admin", "deploy-realm-admin-pw", CORE_CLIENTS).out())
                .as("a plan changes nothing").isEqualTo(plan.out());

        Run apply = realm("apply", realm, "deploy-realm-admin", "deploy-realm-admin-pw", CORE_CLIENTS);
        System.out.println("[realm apply, core example]\n" + apply.out() + apply.err());
        assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out()).contains("status: pass");

        String issuer = TestServer.get().issuer(realm);
        CodeFlowLogin shell = new CodeFlowLogin(TestServer.baseUrl(), realm, "mozaiks-shell", "http://localhost:3000/callback");
        JWTClaimsSet alice = acceptedByEveryUserScheme(issuer, shell.login("deploy-alice", "deploy-alice-pw").expect(200)
                .field("access_token"), Set.of("user"), false);
        assertThat(alice.getStringClaim("app_id")).as("from the client attribute, not the user's").isEqualTo("core-app");
        assertThat(alice.getClaim("realm_access")).isNull();
        CodeFlowLogin other = new CodeFlowLogin(TestServer.baseUrl(), realm, "mozaiks-shell", "http://localhost:3000/callback");
        acceptedByEveryUserScheme(issuer, other.login("deploy-root", "deploy-root-pw").expect(200).field("access_token"),
                Set.of("user", "admin"), true);
        String service = new TokenClient(TestServer.baseUrl(), realm).clientCredentials("mozaiks-core", "core-example-it-secret")
                .expect(200).field("access_token");
        acceptedByEveryServiceScheme(issuer, service);

        Run second = realm("plan", realm, "deploy-realm-admin", "deploy-realm-admin-pw", CORE_CLIENTS);
        assertThat(second.out()).contains("Nothing to change");
        Run again = realm("apply", realm, "deploy-realm-admin", "deploy-realm-admin-pw", CORE_CLIENTS);
        assertThat(again.exit()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Nothing to change").doesNotContain("done ").contains("status: pass");
    }

    @Test
    void theUnifiedRealmGetsAnAudienceClientAndItsAdminIsAdminOnlyWhereGranted() throws Exception {
        String realm = "deploy-unified";
        importRealm("unified-realm.json", realm);
        String[] clients = {"--client", "mozaiks-app"};

        Run plan = realm("plan", realm, "deploy-realm-admin", "deploy-realm-admin-pw", clients);
        System.out.println("[realm plan, unified]\n" + plan.out() + plan.err());
        assertThat(plan.exit()).as(plan.err()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("create realm role platform_admin")
                .contains("create client mozaiks-api (the API audience: confidential, every login flow and the service account off)")
                .contains("create client scope access_as_user")
                .contains("client mozaiks-app: delete mapper \"realm roles\" (oidc-usermodel-realm-role-mapper, writes realm_access,")
                .contains("client mozaiks-app: remove default client scope roles")
                .contains("client mozaiks-app: add client scope access_as_user as Default")
                .doesNotContain("grant realm role");

        Run apply = realm("apply", realm, "deploy-realm-admin", "deploy-realm-admin-pw", clients);
        System.out.println("[realm apply, unified]\n" + apply.out() + apply.err());
        assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);

        String issuer = TestServer.get().issuer(realm);
        JWTClaimsSet bob = acceptedByEveryUserScheme(issuer, new CodeFlowLogin(TestServer.baseUrl(), realm, "mozaiks-app",
                "http://localhost:5173/callback").login("deploy-bob", "deploy-bob-pw").expect(200).field("access_token"), Set.of("user"), false);
        assertThat(bob.getClaim("realm_access")).isNull();
        acceptedByEveryUserScheme(issuer, new CodeFlowLogin(TestServer.baseUrl(), realm, "mozaiks-app",
                "http://localhost:5173/callback").login("deploy-carol", "deploy-carol-pw").expect(200).field("access_token"),
                Set.of("user", "admin"), true);

        Run again = realm("apply", realm, "deploy-realm-admin", "deploy-realm-admin-pw", clients);
        assertThat(again.exit()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Nothing to change").contains("status: pass");
    }

    @Test
    void aRealmAdminWithoutManageRealmIsRefusedAndNothingChanges() throws Exception {
        String realm = "deploy-refused";
        importRealm("core-example-realm.json", realm);
        Run before = realm("plan", realm, "deploy-realm-admin", "deploy-realm-admin-pw", CORE_CLIENTS);

        Run refused = realm("apply", realm, "deploy-client-admin", "deploy-client-admin-pw", CORE_CLIENTS);

        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.REFUSED);
        // The realm's admin-cli token shows no realm-management roles, so the admin API's 403 at the first step tells.
        assertThat(refused.err()).contains("lacks the realm-management role").contains("manage-realm").contains("Nothing was changed");
        assertThat(refused.out()).doesNotContain("done ");
        assertThat(realm("plan", realm, "deploy-realm-admin", "deploy-realm-admin-pw", CORE_CLIENTS).out()).isEqualTo(before.out());
    }

    @Test
    void aMasterAdminAppliesButOnlyTheRealmsOwnAdminSeesConformanceAndANewerContractIsRefused() throws Exception {
        String realm = "deploy-master-admin";
        importRealm("unified-realm.json", realm);
        String[] clients = {"--client", "mozaiks-app"};

        Run master = doctor(ServerSettings.BOOTSTRAP_ADMIN_PASSWORD, "realm", "apply", "--url", TestServer.baseUrl(), "--realm", realm,
                "--admin-user", ServerSettings.BOOTSTRAP_ADMIN_USER, "--password-stdin", "--client", "mozaiks-app");

        assertThat(master.exit()).as(master.out() + master.err()).isEqualTo(ExitCodes.CANNOT_CHECK);
        assertThat(master.out()).contains("Applied 8 change(s).").contains("not checked: the report accepts only tokens of realm " + realm);
        Run own = realm("apply", realm, "deploy-realm-admin", "deploy-realm-admin-pw", clients);
        assertThat(own.exit()).as(own.out() + own.err()).isEqualTo(ExitCodes.OK);
        assertThat(own.out()).contains("Nothing to change").contains("status: pass");

        AdminApi admin = new AdminApi(TestServer.baseUrl(), realm);
        ObjectNode attributes = (ObjectNode) admin.get("").expect(200).json().get("attributes");
        attributes.put("mozaiks.contract.version", "1.3");
        admin.put("", Map.of("attributes", attributes)).expect(204);
        Run newer = realm("apply", realm, "deploy-realm-admin", "deploy-realm-admin-pw", clients);
        assertThat(newer.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(newer.err()).contains("carries contract 1.3").contains("Nothing was changed");
        assertThat(admin.get("").expect(200).json().path("attributes").path("mozaiks.role.aliases").asText())
                .as("the realm's other attributes survive the doctor's and this test's attribute writes").isEqualTo("platform_admin:Admin");
    }

    @Test
    void withoutCredentialsOrWithAWrongPasswordNothingIsRead() {
        Run none = doctor("", "realm", "plan", "--url", TestServer.baseUrl(), "--realm", "master", "--client", "admin-cli");
        assertThat(none.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(none.err()).contains("no admin credentials").contains("never taken from the command line");
        Run wrong = doctor("not-the-password", "realm", "plan", "--url", TestServer.baseUrl(), "--realm", "master",
                "--admin-user", "admin", "--password-stdin", "--client", "admin-cli");
        assertThat(wrong.exit()).isEqualTo(ExitCodes.CANNOT_CHECK);
        assertThat(wrong.err()).contains("sign-in as user admin in realm master failed: HTTP 4").doesNotContain("not-the-password");
    }

    /** Every consumer's user schemes accept the token, and each consumer sees exactly {@code roles}. */
    private static JWTClaimsSet acceptedByEveryUserScheme(String issuer, String token, Set<String> roles, boolean admin)
            throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            Map<String, String> env = consumer.document(issuer);
            for (TokenScheme scheme : consumer.schemesFor(CallerKind.USER)) {
                try {
                    scheme.check(env, token);
                } catch (Rejected rejected) {
                    throw new AssertionError(scheme + " rejected " + claims.toJSONObject() + ": " + rejected.getMessage(), rejected);
                }
            }
            ConsumerView view = consumer.view(env, claims);
            assertThat(view.roles()).as(consumer.id() + " roles").containsExactlyInAnyOrderElementsOf(roles);
            assertThat(view.internal()).as(consumer.id() + " internal").isFalse();
            if (!admin) {
                assertThat(view.admin() || view.superAdmin()).as(consumer.id() + " admin").isFalse();
            }
        }
        assertThat(ConsumerProfile.CORE.view(ConsumerProfile.CORE.document(issuer), claims).superAdmin())
                .as("core's admin check (role admin)").isEqualTo(admin);
        return claims;
    }

    private static void acceptedByEveryServiceScheme(String issuer, String token) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getClaim("scope")).isNull();
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            Map<String, String> env = consumer.document(issuer);
            for (TokenScheme scheme : consumer.schemesFor(CallerKind.SERVICE)) {
                try {
                    scheme.check(env, token);
                } catch (Rejected rejected) {
                    throw new AssertionError(scheme + " rejected " + claims.toJSONObject() + ": " + rejected.getMessage(), rejected);
                }
            }
        }
        assertThat(claims.getStringListClaim("roles")).containsExactly("internal_service");
    }

}
