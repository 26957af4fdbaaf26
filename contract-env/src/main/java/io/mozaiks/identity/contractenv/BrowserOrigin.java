package io.mozaiks.identity.contractenv;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The web origin a browser client runs on ({@code scheme://host[:port]}, RFC 6454), as an operator passes it to
 * {@code /contract/env/shell?origin=...}. Strict: http or https, a host, no user info, path, query or fragment, and
 * written in its canonical (lowercase) form, because the redirect URIs built from it must equal what the realm's
 * client lists character for character.
 */
public final class BrowserOrigin {

    /** The shell's dev server (mozaiks-core {@code react-scripts start}). */
    public static final String DEV_DEFAULT = "http://localhost:3000";

    private final String value;

    private BrowserOrigin(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException with a message fit for the caller when {@code text} is not a canonical origin */
    public static BrowserOrigin parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("origin is empty; give scheme://host[:port], e.g. " + DEV_DEFAULT);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refused(text, "not a URI");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw refused(text, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw refused(text, "it needs a host and no user info");
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused(text, "an origin has no path (not even /), query or fragment");
        }
        String canonical = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (!canonical.equals(text) || !DotEnv.isPlainValue(canonical)) {
            throw refused(text, "write it in its canonical form" + (DotEnv.isPlainValue(canonical) ? " " + canonical : ""));
        }
        return new BrowserOrigin(canonical);
    }

    public String value() {
        return value;
    }

    /** {@code <origin><path>}; {@code path} starts with {@code /}. */
    public String resolve(String path) {
        return value + path;
    }

    @Override
    public String toString() {
        return value;
    }

    private static IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException("origin \"" + text.replaceAll("\\p{Cntrl}", "?") + "\" refused: " + why
                + " (scheme://host[:port], e.g. " + DEV_DEFAULT + ")");
    }
}
