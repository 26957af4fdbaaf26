package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.keycloak.email.CoreUsernameAttribute;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31: mozaiks-core names a user by the part of the token's email before {@code @}, so Alice
 * ({@code alice@corp.example}) and Mallory with {@code ALICE@evil.example} would be one user there. The attack
 * through every door Keycloak validates (admin API, account REST API as the account console calls it,
 * registration) is refused by the validator the dev realm attaches; a colliding user that arrives by import
 * (no validation) makes the contract leave the email out of both users' tokens, and core names each by sub.
 * The token-time check is an exact lookup of the attribute {@code mozaiks.core-username} that every token first
 * syncs for its own user: of two colliding users the later one to get a token sees the earlier.
 */
class EmailNameCollisionIT {

    private static final String S = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALICE = "alice-" + S;
    private static final String MALLORY = "mallory-" + S;
    private static final String ALICE_EMAIL = ALICE + "@corp.example";
    private static final String MALLORY_EMAIL = MALLORY + "@evil.example";
    private static final String APP = "email-names-" + S;
    private static final String TAKEN = "mozaiksEmailNameTaken";
    private static final List<String> USERS = new ArrayList<>();
    private static String appSecret;
    private static String aliceId;
    private static String malloryId;

    @BeforeAll
    static void aliceAndMallory() {
        Fixture.newContractClient(APP, Map.of());
        appSecret = Fixture.admin().clientSecret(APP);
        aliceId = createUser(ALICE, ALICE_EMAIL).expectId();
        malloryId = createUser(MALLORY, MALLORY_EMAIL).expectId();
    }

    @AfterAll
    static void deleteCreated() {
        AdminApi admin = Fixture.admin();
        USERS.forEach(id -> admin.delete("/users/" + id));
        Fixture.deleteCreated();
    }

    @Test
    void theValidatorIsAttachedAndBothUsersStartWithTheirEmail() throws Exception {
        assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL);
        assertThat(emailOf(token(MALLORY))).isEqualTo(MALLORY_EMAIL);
        assertThat(Fixture.core().user(token(ALICE)).email()).isEqualTo(ALICE_EMAIL);
        assertThat(ConformanceIT.check(Fixture.conformanceReport(), null, "email-name-validator").get("status").asText())
                .isEqualTo("pass");
    }

    @Test
    void theAdminApiRefusesANewUserWithACaseVariant() {
        // (Alice's exact email is Keycloak's own duplicate-email refusal, not this validator's)
        for (String email : List.of("ALICE-" + S.toUpperCase(Locale.ROOT) + "@evil.example", "Alice-" + S + "@other.example",
                ALICE + "@corp.example.org")) {
            Created created = createUser("copycat-" + S, email);
            assertThat(created.reply().status()).as(email + ": " + created.reply().body()).isIn(400, 409);
            assertThat(created.reply().body()).contains(TAKEN);
        }
        assertThat(Fixture.admin().get("/users?exact=true&username=copycat-" + S).expect(200).json()).isEmpty();
    }

    @Test
    void theAdminApiRefusesChangingMallorysEmailToAlicesName() {
        AdminApi admin = Fixture.admin();
        ObjectNode mallory = (ObjectNode) admin.get("/users/" + malloryId).expect(200).json();
        mallory.put("email", "ALICE-" + S + "@evil.example");
        Reply reply = admin.put("/users/" + malloryId, mallory);
        assertThat(reply.status()).as(reply.body()).isIn(400, 409);
        assertThat(reply.body()).contains(TAKEN);
        assertThat(admin.get("/users/" + malloryId).expect(200).json().get("email").asText()).isEqualTo(MALLORY_EMAIL);
    }

    /** The account console saves the whole representation with POST /account. */
    @Test
    void theAccountApiRefusesMallorysEditAndKeepsHerLegitimateOnes() throws Exception {
        String token = accountConsoleToken(MALLORY);
        ObjectNode me = (ObjectNode) accountGet(token);

        ObjectNode attack = me.deepCopy();
        attack.put("email", "ALICE-" + S + "@evil.example");
        Reply refused = accountPost(token, attack);
        assertThat(refused.status()).as(refused.body()).isIn(400, 409);
        assertThat(refused.body()).contains(TAKEN);
        assertThat(Fixture.admin().get("/users/" + malloryId).expect(200).json().get("email").asText()).isEqualTo(MALLORY_EMAIL);
        assertThat(Fixture.core().user(token(MALLORY)).email()).isEqualTo(MALLORY_EMAIL);

        // her own email, saved again and in another case: no collision with herself
        assertThat(accountPost(token, me).status()).isEqualTo(204);
        ObjectNode otherCase = me.deepCopy();
        otherCase.put("email", MALLORY_EMAIL.toUpperCase(Locale.ROOT));
        Reply recased = accountPost(token, otherCase);
        assertThat(recased.status()).as(recased.body()).isEqualTo(204);
        assertThat(emailOf(token(MALLORY))).isEqualTo(MALLORY_EMAIL);
        assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL);
    }

    @Test
    void anAdminMayRecaseAUsersOwnEmailAndPlusTagsAreOtherNames() throws Exception {
        AdminApi admin = Fixture.admin();
        ObjectNode alice = (ObjectNode) admin.get("/users/" + aliceId).expect(200).json();
        alice.put("email", ALICE_EMAIL.toUpperCase(Locale.ROOT));
        assertThat(admin.put("/users/" + aliceId, alice).status()).isEqualTo(204);
        assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL);

        // core keeps "alice-x+tag" and "alice-x" apart, so the provider does too
        String tagged = ALICE + "+tag";
        createUser("tagged-" + S, tagged + "@corp.example").expectId();
        assertThat(emailOf(token("tagged-" + S))).isEqualTo(tagged + "@corp.example");
        assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL);
    }

    @Test
    void registrationRefusesAnotherUsersName() {
        AdminApi admin = Fixture.admin();
        ObjectNode realm = (ObjectNode) admin.get("").expect(200).json();
        admin.put("", Map.of("registrationAllowed", true)).expect(204);
        try {
            Browser browser = new Browser();
            String registrations = TestServer.baseUrl() + "/realms/" + TestServer.REALM
                    + "/protocol/openid-connect/registrations?client_id=" + Fixture.SHELL
                    + "&response_type=code&scope=openid&redirect_uri=" + Http.enc("http://localhost:3000/callback")
                    // the shell requires PKCE; RFC 7636's example challenge (no code is ever redeemed here)
                    + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
            Reply form = browser.get(registrations);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("username", "registrant-" + S);
            fields.put("email", "aLiCe-" + S + "@registered.example");
            fields.put("firstName", "Reg");
            fields.put("lastName", "Istrant");
            fields.put("password", "registrant-pw-" + S);
            fields.put("password-confirm", "registrant-pw-" + S);
            Reply page = browser.post(formAction(form), fields);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("Another account already uses an email address that starts with");
            assertThat(admin.get("/users?exact=true&username=registrant-" + S).expect(200).json()).isEmpty();
        } finally {
            admin.put("", Map.of("registrationAllowed", realm.get("registrationAllowed").asBoolean())).expect(204);
        }
    }

    /**
     * Partial import skips the user profile: the imported user takes Alice's name anyway. Both tokens (and
     * introspection) then carry no email; core names each by sub; conformance lists the pair. Once it is gone,
     * Alice's email is back.
     */
    @Test
    void anImportedCollisionTakesTheEmailOutOfBothTokens() throws Exception {
        assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL); // Alice is an active user: her attribute is synced
        String imported = "imported-" + S;
        Reply reply = Fixture.admin().post("/partialImport", Map.of("ifResourceExists", "FAIL", "users", List.of(Map.of(
                "username", imported, "enabled", true, "email", "ALICE-" + S + "@import.example", "emailVerified", true,
                "firstName", "Im", "lastName", "Ported",
                "credentials", List.of(Map.of("type", "password", "value", imported, "temporary", false))))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String importedId = Fixture.admin().userId(imported);
        USERS.add(importedId);
        try {
            // the imported user has no attribute until their first token; that token syncs it and finds Alice,
            // and from then on Alice's tokens find the imported user
            for (String user : List.of(imported, ALICE, imported)) {
                String token = token(user);
                JWTClaimsSet claims = Fixture.claims(token);
                assertThat(claims.getClaims()).as(user).doesNotContainKey("email");
                Principal core = Fixture.core().user(token);
                assertThat(core.email()).isNull();
                assertThat(core.userId()).isEqualTo(claims.getSubject());
                JsonNode introspected = Fixture.tokens().introspect(Fixture.API, Fixture.admin().clientSecret(Fixture.API), token)
                        .expect(200).json();
                assertThat(introspected.get("active").asBoolean()).isTrue();
                assertThat(introspected.has("email")).as(introspected.toString()).isFalse();
            }
            assertThat(emailOf(token(MALLORY))).isEqualTo(MALLORY_EMAIL);
            // Alice, now in a collision she did not cause, may still save her profile unchanged
            String aliceAccount = accountConsoleToken(ALICE);
            assertThat(accountPost(aliceAccount, accountGet(aliceAccount)).status()).isEqualTo(204);

            JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), null, "email-name-collisions");
            assertThat(check.get("status").asText()).isEqualTo("warn");
            assertThat(check.get("reason").asText()).contains("\"alice-" + S + "@\"", ALICE, imported)
                    .doesNotContain("only the first");
        } finally {
            Fixture.admin().delete("/users/" + importedId).expect(204);
            USERS.remove(importedId);
        }
        assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL);
        assertThat(ConformanceIT.check(Fixture.conformanceReport(), null, "email-name-collisions").get("status").asText())
                .isEqualTo("pass");
    }

    /**
     * Every token syncs its user's attribute to core's name for the current email (lower case); it is not in the
     * admin representation (unmanaged attributes are disabled by default), and admin and account saves keep it.
     */
    @Test
    void aTokenSyncsTheAttributeAndProfileSavesKeepIt() throws Exception {
        String tagged = "synced-" + S;
        String id = createUser(tagged, "Synced-" + S + "@Sync.example").expectId();
        assertThat(usersWithAttribute("synced-" + S)).isEmpty(); // created, no token yet
        assertThat(emailOf(token(tagged))).isEqualTo("synced-" + S + "@sync.example");
        assertThat(usersWithAttribute("synced-" + S)).containsExactly(id);

        AdminApi admin = Fixture.admin();
        ObjectNode user = (ObjectNode) admin.get("/users/" + id).expect(200).json();
        assertThat(user.path("attributes").has(CoreUsernameAttribute.NAME)).as(user.toString()).isFalse();
        user.put("firstName", "Renamed");
        assertThat(admin.put("/users/" + id, user).status()).isEqualTo(204);
        assertThat(usersWithAttribute("synced-" + S)).containsExactly(id);

        // the user tries to write it through the account API: not accepted, the attribute keeps the synced value
        String account = accountConsoleToken(tagged);
        ObjectNode me = (ObjectNode) accountGet(account);
        me.putObject("attributes").putArray(CoreUsernameAttribute.NAME).add("somebody-else");
        Reply reply = accountPost(account, me);
        assertThat(reply.status()).as(reply.body()).isIn(204, 400);
        assertThat(usersWithAttribute("somebody-else")).isEmpty();
        assertThat(usersWithAttribute("synced-" + S)).containsExactly(id);

        // an email change moves it at the next token
        user = (ObjectNode) admin.get("/users/" + id).expect(200).json();
        user.put("email", "moved-" + S + "@sync.example");
        assertThat(admin.put("/users/" + id, user).status()).isEqualTo(204);
        assertThat(emailOf(token(tagged))).isEqualTo("moved-" + S + "@sync.example");
        assertThat(usersWithAttribute("synced-" + S)).isEmpty();
        assertThat(usersWithAttribute("moved-" + S)).containsExactly(id);
    }

    /**
     * A realm that enables unmanaged attributes lets a user edit their own attribute. Mallory sets hers to Alice's
     * name: a stale hit (her current email is not Alice's name) does not take Alice's email, and Mallory's next
     * token re-syncs her own attribute.
     */
    @Test
    void aStaleAttributeOfAnotherUserDoesNotTakeTheEmail() throws Exception {
        AdminApi admin = Fixture.admin();
        JsonNode profile = admin.get("/users/profile").expect(200).json();
        ObjectNode enabled = profile.deepCopy();
        enabled.put("unmanagedAttributePolicy", "ENABLED");
        admin.put("/users/profile", enabled).expect(200);
        try {
            assertThat(emailOf(token(MALLORY))).isEqualTo(MALLORY_EMAIL);
            String account = accountConsoleToken(MALLORY);
            ObjectNode me = (ObjectNode) accountGet(account);
            ObjectNode attributes = me.has("attributes") ? (ObjectNode) me.get("attributes") : me.putObject("attributes");
            attributes.putArray(CoreUsernameAttribute.NAME).add(ALICE);
            Reply reply = accountPost(account, me);
            assertThat(reply.status()).as(reply.body()).isEqualTo(204);
            assertThat(usersWithAttribute(ALICE)).contains(malloryId);

            assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL);
            assertThat(emailOf(token(MALLORY))).isEqualTo(MALLORY_EMAIL);
            assertThat(usersWithAttribute(ALICE)).doesNotContain(malloryId);
            assertThat(usersWithAttribute(MALLORY)).containsExactly(malloryId);
        } finally {
            admin.put("/users/profile", profile).expect(200);
        }
    }

    /** A realm whose user profile lacks the validator: conformance warns, and the token rule alone still protects core. */
    @Test
    void withoutTheValidatorConformanceWarnsAndTheTokenRuleStillHolds() throws Exception {
        AdminApi admin = Fixture.admin();
        JsonNode profile = admin.get("/users/profile").expect(200).json();
        ObjectNode without = profile.deepCopy();
        for (JsonNode attribute : (ArrayNode) without.get("attributes")) {
            if ("email".equals(attribute.get("name").asText())) {
                ((ObjectNode) attribute.get("validations")).remove("mozaiks-unique-core-username");
            }
        }
        admin.put("/users/profile", without).expect(200);
        String copycat = "unvalidated-" + S;
        try {
            JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), null, "email-name-validator");
            assertThat(check.get("status").asText()).isEqualTo("warn");
            assertThat(check.get("fix").asText()).contains("Realm settings > User profile > email");

            assertThat(emailOf(token(ALICE))).isEqualTo(ALICE_EMAIL);
            String id = createUser(copycat, "Alice-" + S + "@unvalidated.example").expectId();
            try {
                assertThat(Fixture.core().user(token(copycat)).email()).isNull();
                assertThat(Fixture.claims(token(ALICE)).getClaims()).doesNotContainKey("email");
            } finally {
                admin.delete("/users/" + id).expect(204);
                USERS.remove(id);
            }
        } finally {
            admin.put("/users/profile", profile).expect(200);
        }
        assertThat(ConformanceIT.check(Fixture.conformanceReport(), null, "email-name-validator").get("status").asText())
                .isEqualTo("pass");
    }

    private record Created(Reply reply) {
        String expectId() {
            reply.expect(201);
            String location = reply.header("Location");
            String id = location.substring(location.lastIndexOf('/') + 1);
            USERS.add(id);
            return id;
        }
    }

    /** A verified user with password = username, as an admin creates one (the user profile validates it). */
    private static Created createUser(String username, String email) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("firstName", "Test");
        user.put("lastName", "User");
        user.put("credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        return new Created(Fixture.admin().post("/users", user));
    }

    private static String token(String username) {
        return Fixture.accessToken(Fixture.tokens().password(APP, appSecret, username, username, null));
    }

    /** Ids of the users whose {@code mozaiks.core-username} is exactly this value (admin search {@code q=}). */
    private static List<String> usersWithAttribute(String value) {
        List<String> ids = new ArrayList<>();
        Fixture.admin().get("/users?exact=true&q=" + Http.enc(CoreUsernameAttribute.NAME + ":" + value)).expect(200).json()
                .forEach(user -> ids.add(user.get("id").asText()));
        return ids;
    }

    private static String emailOf(String token) throws Exception {
        return Fixture.claims(token).getStringClaim("email");
    }

    private static String accountUrl() {
        return TestServer.baseUrl() + "/realms/" + TestServer.REALM + "/account";
    }

    private static String accountConsoleToken(String username) {
        return new CodeFlowLogin(TestServer.baseUrl(), TestServer.REALM, "account-console", accountUrl() + "/")
                .login(username, username).expect(200).field("access_token");
    }

    private static JsonNode accountGet(String token) {
        return Http.get(accountUrl(), "Authorization", "Bearer " + token, "Accept", "application/json").expect(200).json();
    }

    private static Reply accountPost(String token, JsonNode representation) {
        return Http.send(HttpRequest.newBuilder(URI.create(accountUrl()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representation.toString())).build());
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*login-actions[^\"]*)\"");

    private static String formAction(Reply page) {
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as("a form on page (HTTP %s): %s", page.status(), page.body()).isTrue();
        return action.group(1).replace("&amp;", "&");
    }

    /** A browser for the registration pages: Keycloak's Secure cookies are kept for loopback http, as browsers do. */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieHandler() {
                    private final CookieManager store = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

                    @Override
                    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                        return store.get(secure(uri), headers);
                    }

                    @Override
                    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                        store.put(secure(uri), headers);
                    }

                    private URI secure(URI uri) {
                        return "http".equals(uri.getScheme()) ? URI.create("https" + uri.toString().substring(4)) : uri;
                    }
                }).connectTimeout(Duration.ofSeconds(10)).build();

        /** GET, following redirects (Keycloak answers the registrations URL with one to its form). */
        Reply get(String url) {
            URI uri = URI.create(url);
            for (int hop = 0; hop < 5; hop++) {
                Reply reply = Http.send(client, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
                String location = reply.header("Location");
                if (reply.status() / 100 != 3 || location == null) {
                    return reply;
                }
                uri = uri.resolve(location);
            }
            throw new AssertionError("too many redirects from " + url);
        }

        Reply post(String url, Map<String, String> form) {
            return Http.send(client, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))).build());
        }
    }
}
