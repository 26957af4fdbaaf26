package io.mozaiks.identity.testkit.server;

import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authorization code + PKCE (S256) through Keycloak's real login pages, over plain HTTP with a cookie
 * jar: one instance is one browser, so a second {@link #login} reuses the SSO session unless
 * {@code prompt=login} is asked for.
 */
public final class CodeFlowLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*login-actions[^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final String realmUrl;
    private final String clientId;
    private final String redirectUri;
    private final HttpClient browser;

    public CodeFlowLogin(String baseUrl, String realm, String clientId, String redirectUri) {
        this.realmUrl = baseUrl + "/realms/" + realm;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookieJar()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The dev realm's browser client. */
    public static CodeFlowLogin shell() {
        return new CodeFlowLogin(TestServer.baseUrl(), TestServer.REALM, "mozaiks-shell", "http://localhost:3000/callback");
    }

    /**
     * Logs in and answers the token response.
     *
     * @param otp   asked only if Keycloak shows the OTP form; {@code null} fails the login at that point
     * @param extra extra authorization parameters, e.g. {@code prompt=login} or {@code scope}
     */
    public Reply login(String username, String password, Supplier<String> otp, Map<String, String> extra) {
        String verifier = Pkce.verifier();
        Reply page = send(HttpRequest.newBuilder(URI.create(Pkce.authorizationUrl(realmUrl, clientId, redirectUri, verifier, extra))).GET());

        for (int step = 0; step < 10; step++) { // a brokered login takes a few more redirects
            String location = page.header("Location");
            boolean redirect = page.status() / 100 == 3 && location != null; // the broker endpoint answers 303
            if (redirect && location.startsWith(redirectUri)) {
                return redeem(location, verifier);
            }
            if (redirect) {
                page = send(HttpRequest.newBuilder(URI.create(location)).GET());
                continue;
            }
            String action = formAction(page);
            Map<String, String> form = new LinkedHashMap<>();
            if (page.body().contains("name=\"otp\"")) {
                if (otp == null) {
                    throw new AssertionError("Keycloak asked for an OTP code that the test did not expect");
                }
                form.put("otp", otp.get());
            } else {
                form.put("username", username);
                form.put("password", password);
            }
            page = send(HttpRequest.newBuilder(URI.create(action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
        }
        throw new AssertionError("login did not finish; last page (HTTP " + page.status() + "):\n" + page.body());
    }

    public Reply login(String username, String password) {
        return login(username, password, null, Map.of());
    }

    /**
     * The user's side of a device login (RFC 8628): opens the verification URL, signs in, grants the consent
     * Keycloak may ask for; answers the last page (Keycloak's "device login successful" page).
     */
    public Reply approveDevice(String verificationUri, String username, String password) {
        Reply page = send(HttpRequest.newBuilder(URI.create(verificationUri)).GET());
        for (int step = 0; step < 10; step++) {
            String location = page.header("Location");
            if (page.status() / 100 == 3 && location != null) {
                page = send(HttpRequest.newBuilder(absolute(location)).GET());
                continue;
            }
            if (!FORM_ACTION.matcher(page.body()).find()) {
                return page;
            }
            Map<String, String> form = new LinkedHashMap<>();
            if (page.body().contains("name=\"accept\"")) {
                form.put("accept", "Yes");
            } else {
                form.put("username", username);
                form.put("password", password);
            }
            page = send(HttpRequest.newBuilder(absolute(formAction(page)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
        }
        throw new AssertionError("device login did not finish; last page (HTTP " + page.status() + "):\n" + page.body());
    }

    /** The device pages answer with paths (no scheme or host): resolved against the server's address. */
    private URI absolute(String url) {
        return URI.create(realmUrl).resolve(url);
    }

    private Reply redeem(String location, String verifier) {
        Matcher code = CODE.matcher(location);
        if (!code.find()) {
            throw new AssertionError("no code in redirect: " + location);
        }
        return Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "client_id", clientId, "redirect_uri", redirectUri,
                "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "code_verifier", verifier));
    }

    private static String formAction(Reply page) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("no login form on page (HTTP " + page.status() + "):\n" + page.body());
        }
        return action.group(1).replace("&amp;", "&");
    }

    private Reply send(HttpRequest.Builder request) {
        return Http.send(browser, request.timeout(Duration.ofSeconds(30)).build());
    }
}
