package io.mozaiks.identity.testkit.server;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar that, like a browser, treats http://127.0.0.1 and http://localhost as secure contexts:
 * Keycloak sets its login cookies {@code Secure; SameSite=None}, which the JDK's jar would never
 * send back over plain http.
 */
final class LoopbackCookieJar extends CookieHandler {

    private final CookieManager store = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return store.get(asSecureContext(uri), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        store.put(asSecureContext(uri), responseHeaders);
    }

    private static URI asSecureContext(URI uri) {
        String host = uri.getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        if (!loopback || !"http".equals(uri.getScheme())) {
            return uri;
        }
        return URI.create("https" + uri.toString().substring("http".length()));
    }
}
