package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.Pkce;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static io.mozaiks.identity.keycloak.it.Fixture.SHELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mozaiks login theme in a REAL headless Chromium against the real server: the theme's stylesheet,
 * logo and background load and are applied (computed style), a dev user logs in through the page and the
 * code + PKCE exchange gives a token both consumers accept; the wrong-password error and German.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian: {@code apt-get install -y
 * chromium chromium-driver}; other paths with {@code -Dmozaiks.chromium=...} / {@code -Dmozaiks.chromedriver=...}).
 * Without them the test is skipped with the reason printed, unless {@code -Dmozaiks.browser.required=true}
 * (for CI), which makes it fail instead. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThemeBrowserIT {

    private static final String REDIRECT_URI = "http://localhost:3000/callback";
    private static final String THEME_RESOURCES = "/login/mozaiks/";
    private static final String BRAND = "#4338ca";
    private static final String BUTTON = "rgb(67, 56, 202)";
    private static final String WRONG_PASSWORD_EN = "Username or password is not correct. Please check both and try again.";
    private static final String WRONG_PASSWORD_DE =
            "Benutzername oder Passwort stimmen nicht. Bitte prüfen Sie beide Angaben und versuchen Sie es erneut.";

    private static final Path MODULE = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = MODULE.resolve("target/screenshots");
    private static final Path THEME_SOURCE = MODULE.resolve("../themes/mozaiks/login").normalize();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static HeadlessChromium chromium;
    private static String baseUrl;
    /** Why this machine cannot run the browser, if it cannot. */
    private static Optional<String> skipReason = Optional.empty();

    @BeforeAll
    static void startBrowser() {
        skipReason = HeadlessChromium.missing().map(why -> "LoginThemeBrowserIT needs a real Chromium: " + why);
        if (skipReason.isPresent()) {
            if (Boolean.getBoolean("mozaiks.browser.required")) {
                throw new IllegalStateException(skipReason.get() + " (and -Dmozaiks.browser.required=true)");
            }
            System.out.println("[browser] SKIPPED: " + skipReason.get());
            return; // every test is then skipped by the assumption below, and no server is started
        }
        baseUrl = TestServer.baseUrl();
        chromium = HeadlessChromium.start(SCREENSHOTS);
        System.out.println("[browser] " + chromium.script("return navigator.userAgent") + " against " + baseUrl);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** Each test starts without Keycloak cookies: no SSO session, no remembered locale. */
    @BeforeEach
    void skipWithoutBrowserAndForgetCookies() {
        Assumptions.assumeTrue(skipReason.isEmpty(), () -> skipReason.get());
        chromium.driver().get(baseUrl + "/realms/" + TestServer.REALM + "/.well-known/openid-configuration");
        chromium.driver().manage().deleteAllCookies();
        chromium.consoleMessages();
    }

    @Test
    @Order(1)
    void loginPageLoadsAndAppliesTheTheme() throws Exception {
        open(authUrl(Map.of()));

        List<Map<String, Object>> resources = loadedResources();
        chromium.screenshot(SCREENSHOTS.resolve("login-en.png"));
        assertThat(resources).extracting(r -> (String) r.get("name"))
                .anyMatch(u -> u.contains(THEME_RESOURCES + "css/mozaiks.css"))
                .anyMatch(u -> u.contains(THEME_RESOURCES + "img/logo.svg"))
                .anyMatch(u -> u.contains(THEME_RESOURCES + "img/background.svg"));
        for (Map<String, Object> resource : resources) {
            String url = (String) resource.get("name");
            long status = ((Number) resource.get("status")).longValue();
            // responseStatus is what the browser saw (0 = not exposed, e.g. cross-origin); re-fetch to be sure.
            assertThat(status).as("browser status of %s", url).isIn(0L, 200L, 304L);
            if (url.startsWith(baseUrl)) {
                HttpResponse<byte[]> reply = fetch(url);
                assertThat(reply.statusCode()).as("GET %s", url).isEqualTo(200);
            }
        }

        // Favicons and not-yet-used links are not in Resource Timing: fetch every URL the markup points at.
        @SuppressWarnings("unchecked")
        List<String> linked = (List<String>) chromium.script(
                "return [...document.querySelectorAll('link[href], script[src], img[src]')]"
                        + ".map(e => e.href || e.src).filter(u => u.startsWith(location.origin + '/'));");
        assertThat(linked).anyMatch(u -> u.contains(THEME_RESOURCES + "css/mozaiks.css"));
        for (String url : linked) {
            assertThat(fetch(url).statusCode()).as("GET %s (linked from the page)", url).isEqualTo(200);
        }

        // The stylesheet is in the document, parsed (same origin, so its rules are readable)...
        String cssUrl = (String) chromium.script(
                "for (const s of document.styleSheets) {"
                        + "  if (s.href && s.href.includes('/login/mozaiks/css/mozaiks.css')) {"
                        + "    return s.cssRules.length > 0 ? s.href : 'EMPTY ' + s.href; } }"
                        + "return null;");
        assertThat(cssUrl).as("mozaiks.css in document.styleSheets").isNotNull().doesNotStartWith("EMPTY");
        // ... and it is the jar's copy of the single source, not some other theme folder's.
        assertThat(fetch(cssUrl).body()).as("served mozaiks.css")
                .isEqualTo(Files.readAllBytes(THEME_SOURCE.resolve("resources/css/mozaiks.css")));

        assertThemeApplied();
        assertThat(text(By.cssSelector("#kc-header-wrapper"))).isEqualTo("mozaiks");
        assertThat(text(By.cssSelector("h1#kc-page-title"))).isEqualTo("Sign in to mozaiks");
        assertThat(chromium.driver().getTitle()).isEqualTo("Sign in to mozaiks");
        assertNoMissingResourcesInConsole();
    }

    @Test
    @Order(2)
    void germanThroughUiLocales() {
        open(authUrl(Map.of("ui_locales", "de")));
        loadedResources();
        chromium.screenshot(SCREENSHOTS.resolve("login-de.png"));

        assertThat(text(By.cssSelector("h1#kc-page-title"))).isEqualTo("Bei mozaiks anmelden");
        assertThat(chromium.driver().getTitle()).isEqualTo("Bei mozaiks anmelden");
        assertThat(chromium.script("return document.documentElement.lang")).isEqualTo("de");
        assertThemeApplied();
        assertNoMissingResourcesInConsole();
    }

    @Test
    @Order(3)
    void wrongPasswordShowsTheThemedError() {
        open(authUrl(Map.of()));
        submit("dev-user", "not-the-password");

        String error = waitForText(By.id("input-error-username"));
        loadedResources();
        chromium.screenshot(SCREENSHOTS.resolve("login-error.png"));
        assertThat(error).isEqualTo(WRONG_PASSWORD_EN);
        assertThat(chromium.driver().getCurrentUrl()).startsWith(baseUrl);
        assertThemeApplied();
        assertNoMissingResourcesInConsole();
    }

    @Test
    @Order(4)
    void wrongPasswordInGerman() {
        // Another user: two failures of one user within a second would trip brute-force detection.
        open(authUrl(Map.of("ui_locales", "de")));
        submit("dev-developer", "falsches-passwort");

        assertThat(waitForText(By.id("input-error-username"))).isEqualTo(WRONG_PASSWORD_DE);
        assertThemeApplied();
    }

    @Test
    @Order(5)
    void devUserLogsInAndTheTokenPassesBothConsumers() throws Exception {
        String verifier = Pkce.verifier();
        String state = Pkce.randomUrlSafe(16);
        String nonce = Pkce.randomUrlSafe(16);
        open(authUrl(Map.of("state", state, "nonce", nonce, "code_challenge", Pkce.challenge(verifier))));
        submit("dev-user", "dev-user");

        // The browser is sent to the shell's redirect URI, where nothing listens: the URL is all we need.
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().startsWith(REDIRECT_URI + "?"));
        Map<String, String> callback = query(chromium.driver().getCurrentUrl());
        assertThat(callback.get("state")).isEqualTo(state);
        assertThat(callback.get("iss")).isEqualTo(TestServer.issuer());
        assertThat(callback).containsKey("code").doesNotContainKey("error");

        Reply tokens = Http.postForm(TestServer.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code",
                "client_id", SHELL,
                "redirect_uri", REDIRECT_URI,
                "code", callback.get("code"),
                "code_verifier", verifier)).expect(200);
        String accessToken = tokens.field("access_token");

        JWTClaimsSet claims = Fixture.claims(accessToken);
        assertThat(claims.getIssuer()).isEqualTo(TestServer.issuer());
        assertThat(claims.getAudience()).contains(API);
        assertThat(claims.getStringClaim("azp")).isEqualTo(SHELL);
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("dev-user");
        assertThat(claims.getStringClaim("email")).isEqualTo("dev-user@mozaiks.test");
        assertThat(claims.getStringClaim("tid")).isEqualTo("mozaiks");
        assertThat(Fixture.roles(claims)).containsExactly("user");
        assertThat(((String) claims.getClaim("scp")).split(" ")).contains("access_as_user", "openid");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(Fixture.claims(tokens.field("id_token")).getStringClaim("nonce")).isEqualTo(nonce);

        Principal core = Fixture.core().user(accessToken);
        assertThat(core.userId()).isEqualTo(claims.getSubject());
        assertThat(core.email()).isEqualTo("dev-user@mozaiks.test");
        assertThat(PythonCoreConsumer.isAdmin(core)).isFalse();
        Principal platform = Fixture.platform().bearer(accessToken);
        assertThat(platform.tenant()).isEqualTo("mozaiks");
        assertThat(Fixture.platform().isPlatformAdmin(platform)).isFalse();
    }

    // ---------------------------------------------------------------------------------------------

    private static String authUrl(Map<String, String> extra) {
        return Pkce.authorizationUrl(TestServer.issuer(), SHELL, REDIRECT_URI, Pkce.verifier(), extra);
    }

    private static void open(String url) {
        chromium.driver().get(url);
        waitForLoginForm();
    }

    private static void waitForLoginForm() {
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.elementToBeClickable(By.id("kc-login")));
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60))
                .until(d -> "complete".equals(chromium.script("return document.readyState")));
    }

    private static void submit(String username, String password) {
        WebElement user = chromium.driver().findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        chromium.driver().findElement(By.id("password")).sendKeys(password);
        chromium.driver().findElement(By.id("kc-login")).click();
    }

    /** The page's resource requests once the theme's CSS images are among them: url, status (Resource Timing). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadedResources() {
        String js = "return performance.getEntriesByType('resource').map(e => ({name: e.name,"
                + " status: (typeof e.responseStatus === 'number') ? e.responseStatus : 0}));";
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60))
                .withMessage(() -> "the page never requested the theme's logo.svg and background.svg; it requested: "
                        + chromium.script(js))
                .until(d -> {
                    String all = String.valueOf(chromium.script(js));
                    return all.contains("img/logo.svg") && all.contains("img/background.svg");
                });
        return (List<Map<String, Object>>) chromium.script(js);
    }

    /** The computed-style markers of docs/theme.md: the theme's CSS is applied, not just linked. */
    private static void assertThemeApplied() {
        assertThat(chromium.script(
                "return getComputedStyle(document.documentElement).getPropertyValue('--mozaiks-brand').trim()"))
                .as("--mozaiks-brand on <html>").isEqualTo(BRAND);
        assertThat((String) chromium.script("return getComputedStyle(document.body).backgroundImage"))
                .as("body background-image").contains("background.svg");
        assertThat((String) chromium.script(
                "return getComputedStyle(document.getElementById('kc-header-wrapper')).backgroundImage"))
                .as("#kc-header-wrapper background-image").contains("logo.svg");
        assertThat(chromium.script(
                "return getComputedStyle(document.getElementById('kc-login')).backgroundColor"))
                .as("#kc-login background-color").isEqualTo(BUTTON);
    }

    /**
     * Fails on console errors about missing resources (when this chromedriver hands out the console). Ignored:
     * Chromium's own probe of {@code /favicon.ico} for the JSON page that {@link #skipWithoutBrowserAndForgetCookies} opens (that page
     * declares no icon; the login page declares its own, which {@link #loginPageLoadsAndAppliesTheTheme} fetches).
     */
    private static void assertNoMissingResourcesInConsole() {
        String rootFavicon = baseUrl + "/favicon.ico ";
        chromium.consoleMessages().ifPresent(entries -> {
            for (LogEntry entry : entries) {
                System.out.println("[browser] console " + entry.getLevel() + ": " + entry.getMessage());
            }
            assertThat(entries)
                    .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .filteredOn(e -> !e.getMessage().startsWith(rootFavicon))
                    .extracting(LogEntry::getMessage)
                    .noneMatch(m -> m.contains("404") || m.contains("net::ERR_"));
        });
    }

    private static String text(By locator) {
        return chromium.driver().findElement(locator).getText().trim();
    }

    private static String waitForText(By locator) {
        return new WebDriverWait(chromium.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(locator)).getText().trim();
    }

    private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
