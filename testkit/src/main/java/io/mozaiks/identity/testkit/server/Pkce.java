package io.mozaiks.identity.testkit.server;

import io.mozaiks.identity.consumers.http.Http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7636 PKCE (S256) authorization requests, as a browser client makes them. */
public final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkce() {
    }

    public static String verifier() {
        return randomUrlSafe(48);
    }

    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An authorization-code request URL with PKCE S256 and fresh state and nonce; {@code extra}
     * overrides or adds parameters (e.g. {@code prompt}, {@code ui_locales}, a known {@code state}).
     */
    public static String authorizationUrl(String realmUrl, String clientId, String redirectUri, String verifier,
                                          Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("state", randomUrlSafe(16));
        params.put("nonce", randomUrlSafe(16));
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        params.putAll(extra);
        return realmUrl + "/protocol/openid-connect/auth?" + Http.form(params);
    }

    public static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
