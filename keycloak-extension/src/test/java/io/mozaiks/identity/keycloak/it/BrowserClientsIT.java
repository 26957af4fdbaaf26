package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.CallerKind;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.TokenScheme;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.Pkce;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REAL browser OIDC clients of the consumers, in a real headless Chromium against the real server, each on a
 * test page of the project's own served from a loopback origin and configured ONLY from the contract's published
 * documents: mozaiks-core's shell (oidc-client-ts {@code UserManager} as the shell builds it, from
 * {@code /contract/env/shell} as JSON) and the successor's chat UI (keycloak-js {@code init} with PKCE S256, from
 * {@code /contract/env/successor-ui}). Logins go through the mozaiks theme; the code exchange, the silent renew
 * and the sign-out happen in the browser. The origin is added to the realm's {@code mozaiks-shell} client as
 * docs/configuration.md tells an operator to, and removed afterwards.
 *
 * <p>Skips with the reason without Chromium + chromedriver (see {@link HeadlessChromium}) or without the npm
 * libraries (src/test/web, installed by the build when npm is present); {@code -Dmozaiks.browser.required=true}
 * (CI) makes either a failure.
 */
class BrowserClientsIT {

    private static final Path WEB = Paths.get(System.getProperty("mozaiks.test.web",
            Paths.get(System.getProperty("basedir", ".")).resolve("src/test/web").toString())).toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/screenshots");
    private static final String WRONG_PASSWORD = "Username or password is not correct. Please check both and try again.";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static Optional<String> skipReason = Optional.empty();
    private static HeadlessChromium chromium;
    /** The origin the realm's shell client is given; {@link #stranger} is one it never lists. */
    private static TestPageServer pages;
    private static TestPageServer stranger;
    private static JsonNode shellClientBefore;
    private static String user;
    private static String userId;

    @BeforeAll
    static void start() {
        skipReason = HeadlessChromium.missing().or(() -> TestPageServer.missing(WEB))
                .map(why -> "BrowserClientsIT needs a real Chromium and the npm libraries: " + why);
        if (skipReason.isPresent()) {
            if (Boolean.getBoolean("mozaiks.browser.required")) {
                throw new IllegalStateException(skipReason.get() + " (and -Dmozaiks.browser.required=true)");
            }
            System.out.println("[browser] SKIPPED: " + skipReason.get());
            return;
        }
        pages = TestPageServer.start(WEB);
        stranger = TestPageServer.start(WEB);
        allowOriginOnTheShellClient(pages.origin());
        user = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        userId = Fixture.newUser(user);
        Fixture.grantRealmRoles(userId, "user");
        chromium = HeadlessChromium.start(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
            if (shellClientBefore != null) {
                AdminApi admin = Fixture.admin();
                admin.put("/clients/" + shellClientBefore.get("id").asText(), shellClientBefore).expect(204);
            }
        } finally {
            if (pages != null) {
                pages.close();
                stranger.close();
            }
            Fixture.deleteCreated();
        }
    }

    /** What an operator does for their own origin (docs/configuration.md): redirect URIs, post-logout URIs; web origins "+". */
    private static void allowOriginOnTheShellClient(String origin) {
        AdminApi admin = Fixture.admin();
        String id = admin.clientUuid(Fixture.SHELL);
        shellClientBefore = admin.get("/clients/" + id).expect(200).json();
        ObjectNode client = shellClientBefore.deepCopy();
        ((ArrayNode) client.get("redirectUris")).add(origin + "/*");
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        String postLogout = attributes.path("post.logout.redirect.uris").asText("");
        attributes.put("post.logout.redirect.uris", (postLogout.isEmpty() ? "" : postLogout + "##") + origin + "/*");
        assertThat(strings(client.get("webOrigins"))).as("web origins follow the redirect URIs").contains("+");
        admin.put("/clients/" + id, client).expect(204);
    }

    @BeforeEach
    void skipWithoutBrowserAndForgetTheSession() {
        Assumptions.assumeTrue(skipReason.isEmpty(), () -> skipReason.get());
        chromium.driver().get(TestServer.issuer() + "/.well-known/openid-configuration");
        chromium.driver().manage().deleteAllCookies();
        Fixture.admin().post("/users/" + userId + "/logout", Map.of());
    }

    @Test
    void theShellsOidcClientTsLogsInRenewsAndSignsOutWithTheContractsConfig() throws Exception {
        openShell(pages);
        String state = "state-" + UUID.randomUUID();
        script("window.signIn(arguments[0]);", state);
        signInOnTheThemedForm(user, user);

        Map<String, Object> result = awaitResult("/auth/callback");
        assertThat(result).as("oidc-client-ts callback").doesNotContainKey("error");
        assertThat(chromium.driver().getCurrentUrl()).startsWith(pages.origin() + "/auth/callback");
        assertThat(result.get("state")).as("state survives the round trip").isEqualTo(state);
        String access = (String) result.get("accessToken");
        JWTClaimsSet accessClaims = Fixture.claims(access);
        JWTClaimsSet idClaims = Fixture.claims((String) result.get("idToken"));
        assertThat(idClaims.getSubject()).isEqualTo(accessClaims.getSubject()).isEqualTo(result.get("profileSub"));
        assertThat(idClaims.getAudience()).containsExactly(Fixture.SHELL);
        assertThat(accessClaims.getStringClaim("azp")).isEqualTo(Fixture.SHELL);
        assertPassesEveryUserScheme(access);
        // Roles through the successor UI's configured claim path: "roles".
        assertThat(accessClaims.getStringListClaim(successorUi().get("roles").get("claimPath").asText())).contains("user");

        @SuppressWarnings("unchecked")
        Map<String, Object> renewed = (Map<String, Object>) asyncScript("window.renew().then(done, e => done({error: String(e)}));");
        assertThat(renewed).as("signinSilent").doesNotContainKey("error");
        String renewedAccess = (String) renewed.get("accessToken");
        assertThat(renewedAccess).isNotEqualTo(access);
        assertThat(Fixture.claims(renewedAccess).getSubject()).isEqualTo(accessClaims.getSubject());
        assertPassesEveryUserScheme(renewedAccess);

        script("window.signOut();");
        new WebDriverWait(chromium.driver(), WAIT).until(d -> d.getCurrentUrl().equals(pages.origin() + "/"));
        assertThat(Fixture.admin().get("/users/" + userId + "/sessions").expect(200).json()).as("session ended").isEmpty();
        chromium.screenshot(SCREENSHOTS.resolve("shell-signed-out.png"));
    }

    @Test
    void theSuccessorsKeycloakJsLogsInSeesTheRolesRenewsAndSignsOut() throws Exception {
        chromium.driver().get(pages.origin() + "/successor.html?document="
                + url(ContractEndpointIT.url("/env/successor-ui")));
        signInOnTheThemedForm(user, user);

        Map<String, Object> result = awaitResult("/successor.html");
        assertThat(result).as("keycloak-js init").doesNotContainKey("error");
        assertThat(result.get("idTokenSub")).isEqualTo(result.get("accessTokenSub"));
        assertThat(result.get("roles")).asList().contains("user");
        assertThat(result.get("admin")).isEqualTo(false);
        String access = (String) result.get("accessToken");
        assertThat(Fixture.claims(access).getSubject()).isEqualTo(result.get("accessTokenSub"));
        assertPassesEveryUserScheme(access);

        @SuppressWarnings("unchecked")
        Map<String, Object> renewed = (Map<String, Object>) asyncScript("window.renew().then(done, e => done({error: String(e)}));");
        assertThat(renewed).as("updateToken(-1)").doesNotContainKey("error");
        assertThat(renewed.get("accessToken")).isNotEqualTo(access);
        assertPassesEveryUserScheme((String) renewed.get("accessToken"));

        script("window.signOut();");
        new WebDriverWait(chromium.driver(), WAIT).until(d -> d.getCurrentUrl().equals(pages.origin() + "/"));
        assertThat(Fixture.admin().get("/users/" + userId + "/sessions").expect(200).json()).as("session ended").isEmpty();
    }

    /** CORS at the token endpoint: the listed origin reads Keycloak's answer, an unlisted one gets nothing. */
    @Test
    void anOriginTheRealmDoesNotListIsRefusedByCorsAtTheTokenEndpoint() {
        openShell(pages);
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = (Map<String, Object>) asyncScript("window.tokenEndpointReadable().then(done);");
        assertThat(listed.get("readable")).as("listed origin: " + listed).isEqualTo(true);
        assertThat(listed.get("body")).asString().contains("invalid_grant");

        openShell(stranger);
        @SuppressWarnings("unchecked")
        Map<String, Object> unlisted = (Map<String, Object>) asyncScript("window.tokenEndpointReadable().then(done);");
        assertThat(unlisted.get("readable")).as("unlisted origin: " + unlisted).isEqualTo(false);
        assertThat(unlisted.get("error")).asString().contains("TypeError");
    }

    @Test
    void aRedirectUriTheClientDoesNotAllowGetsTheThemedErrorPage() {
        chromium.driver().get(Pkce.authorizationUrl(TestServer.issuer(), Fixture.SHELL, stranger.origin() + "/auth/callback",
                Pkce.verifier(), Map.of()));
        String message = new WebDriverWait(chromium.driver(), WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kc-feedback-text, #kc-error-message")))
                .getText();
        chromium.screenshot(SCREENSHOTS.resolve("redirect-uri-refused.png"));
        assertThat(message).contains("redirect_uri");
        assertThat(chromium.driver().getCurrentUrl()).startsWith(TestServer.baseUrl());
        assertThat((String) script("return [...document.styleSheets].map(s => s.href || '').join(' ')"))
                .contains("/login/mozaiks/css/mozaiks.css");
    }

    @Test
    void aWrongPasswordShowsTheThemesErrorInTheShellsLogin() {
        openShell(pages);
        script("window.signIn('wrong-password');");
        String other = "browser-wrong-" + UUID.randomUUID().toString().substring(0, 8);
        Fixture.newUser(other);
        signInOnTheThemedForm(other, "not-the-password");
        String error = new WebDriverWait(chromium.driver(), WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("input-error-username"))).getText().trim();
        assertThat(error).isEqualTo(WRONG_PASSWORD);
        assertThat(chromium.driver().getCurrentUrl()).startsWith(TestServer.baseUrl());
    }

    // ---------------------------------------------------------------------------------------------

    private static void openShell(TestPageServer server) {
        chromium.driver().get(server.origin() + "/shell.html?document=" + url(ContractEndpointIT.url("/env/shell")));
        new WebDriverWait(chromium.driver(), WAIT).until(d -> !"loading".equals(text(By.id("status"))));
        assertThat(text(By.id("status"))).isEqualTo("ready");
    }

    private static void signInOnTheThemedForm(String username, String password) {
        new WebDriverWait(chromium.driver(), WAIT).until(ExpectedConditions.elementToBeClickable(By.id("kc-login")));
        assertThat(chromium.driver().getCurrentUrl()).startsWith(TestServer.issuer() + "/protocol/openid-connect/auth");
        assertThat((String) script("return [...document.styleSheets].map(s => s.href || '').join(' ')"))
                .as("the mozaiks theme").contains("/login/mozaiks/css/mozaiks.css");
        WebElement field = chromium.driver().findElement(By.id("username"));
        field.clear();
        field.sendKeys(username);
        chromium.driver().findElement(By.id("password")).sendKeys(password);
        chromium.driver().findElement(By.id("kc-login")).click();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitResult(String path) {
        new WebDriverWait(chromium.driver(), WAIT).until(d -> d.getCurrentUrl().startsWith(pages.origin() + path)
                && !"loading".equals(text(By.id("status"))));
        return (Map<String, Object>) asyncScript("window.__result.then(done);");
    }

    private static void assertPassesEveryUserScheme(String token) throws Rejected {
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            for (TokenScheme scheme : consumer.schemesFor(CallerKind.USER)) {
                assertThat(scheme.check(consumer.document(TestServer.issuer()), token).userId()).as(scheme.title())
                        .isEqualTo(userId);
            }
        }
    }

    private static JsonNode successorUi() {
        return ContractEndpointIT.get("/env/successor-ui").expect(200).json();
    }

    private static Object script(String js, Object... args) {
        return chromium.script(js, args);
    }

    private static Object asyncScript(String js) {
        return ((JavascriptExecutor) chromium.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];" + js);
    }

    private static String text(By locator) {
        List<WebElement> found = chromium.driver().findElements(locator);
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    private static String url(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
