package io.mozaiks.identity.testkit.server;

import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;

import java.util.LinkedHashMap;
import java.util.Map;

/** The realm's OIDC endpoints, called exactly as a client application would. */
public final class TokenClient {

    public static final String TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final String realmUrl;

    public TokenClient(String baseUrl, String realm) {
        this.realmUrl = baseUrl + "/realms/" + realm;
    }

    public static TokenClient forTestRealm() {
        return new TokenClient(TestServer.baseUrl(), TestServer.REALM);
    }

    public String tokenEndpoint() {
        return realmUrl + "/protocol/openid-connect/token";
    }

    public Reply clientCredentials(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    public Reply password(String clientId, String secret, String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        if (scope != null) {
            form.put("scope", scope);
        }
        return token(form);
    }

    public Reply refresh(String clientId, String secret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        return token(form);
    }

    /** Standard token exchange (RFC 8693) of an access token, for {@code audience}. */
    public Reply exchange(String clientId, String secret, String subjectToken, String audience) {
        return token(Map.of("grant_type", TOKEN_EXCHANGE_GRANT, "client_id", clientId, "client_secret", secret,
                "subject_token", subjectToken, "subject_token_type", ACCESS_TOKEN_TYPE,
                "requested_token_type", ACCESS_TOKEN_TYPE, "audience", audience));
    }

    public Reply introspect(String clientId, String secret, String token) {
        return Http.postForm(realmUrl + "/protocol/openid-connect/token/introspect",
                Map.of("client_id", clientId, "client_secret", secret, "token", token));
    }

    /** Back-channel logout of the session a refresh token belongs to (204 when it ended). */
    public Reply logout(String clientId, String secret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", clientId, "refresh_token", refreshToken));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        return Http.postForm(realmUrl + "/protocol/openid-connect/logout", form);
    }

    public Reply userInfo(String accessToken) {
        return Http.get(realmUrl + "/protocol/openid-connect/userinfo", "Authorization", "Bearer " + accessToken);
    }

    private Reply token(Map<String, String> form) {
        return Http.postForm(tokenEndpoint(), form);
    }
}
