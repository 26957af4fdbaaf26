package io.mozaiks.identity.keycloak.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whether a public client lists the redirect and post-logout URIs a browser document names, by the rules of its
 * Valid Redirect URIs: exact, or a pattern ending in {@code *} matched as a prefix. A relative pattern (resolved
 * against the client's root URL by Keycloak) never matches here, so the answer errs towards a warning. Pure.
 */
final class ClientRedirects {

    /** Keycloak's client attribute for post-logout redirect URIs, {@code ##}-separated; {@code +} = the redirect URIs. */
    static final String POST_LOGOUT_ATTRIBUTE = "post.logout.redirect.uris";

    private ClientRedirects() {
    }

    static boolean allows(Collection<String> patterns, String uri) {
        for (String pattern : patterns) {
            if (pattern.equals(uri) || (pattern.endsWith("*") && pattern.startsWith("http")
                    && uri.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The post-logout patterns from the attribute's value ({@code +} expands to the redirect URIs). */
    static List<String> postLogoutPatterns(String attribute, Set<String> redirectUris) {
        List<String> out = new ArrayList<>();
        if (attribute == null) {
            return out;
        }
        for (String pattern : Arrays.asList(attribute.split("##"))) {
            if (pattern.equals("+")) {
                out.addAll(redirectUris);
            } else if (!pattern.isBlank()) {
                out.add(pattern);
            }
        }
        return out;
    }

    /** Operator notes for the document: what the client does not list yet. */
    static List<String> warnings(String clientId, Set<String> redirectUris, String postLogoutAttribute, String redirect,
                                 String postLogout) {
        List<String> out = new ArrayList<>();
        if (!allows(redirectUris, redirect)) {
            out.add("client " + clientId + " does not list " + redirect + " among its Valid redirect URIs: logins from"
                    + " this origin fail until an admin adds it (docs/configuration.md)");
        }
        if (!allows(postLogoutPatterns(postLogoutAttribute, redirectUris), postLogout)) {
            out.add("client " + clientId + " does not list " + postLogout + " among its Valid post logout redirect URIs");
        }
        return out;
    }
}
