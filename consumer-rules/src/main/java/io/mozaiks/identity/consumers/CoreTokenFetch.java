package io.mozaiks.identity.consumers;

import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.contractenv.EnvNames;
import io.mozaiks.identity.consumers.http.Reply;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How mozaiks-core FETCHES its own service token ({@code client_credentials.py}, Core -> Platform calls):
 * the token endpoint comes ONLY from OIDC discovery, and {@code AUTH_ISSUER}/{@code AUTH_JWKS_URL} do not
 * affect it. Without {@code MOZAIKS_OIDC_DISCOVERY_URL} core builds the URL from an authority and a tenant
 * whose defaults name a hosted tenant on the internet, and would send the platform client secret there;
 * this emulation refuses that before any network call, so a test can never contact it.
 */
public final class CoreTokenFetch {

    /**
     * Stand-in for core's built-in authority. Core's real default is a hosted Entra CIAM tenant; we never
     * name or contact it. {@code .invalid} is reserved (RFC 2606) and never resolves.
     */
    public static final String HOSTED_DEFAULT_AUTHORITY = "https://hosted-default.invalid";
    public static final String HOSTED_DEFAULT_TENANT_ID = "hosted-default-tenant";
    /** Entra form of the discovery URL: {@code {authority}/{tenant}/v2.0/.well-known/openid-configuration}. */
    public static final String DISCOVERY_TEMPLATE = "{authority}/{tenant}/v2.0/.well-known/openid-configuration";
    /** Core's default discovery URL, still templated on the tenant. */
    public static final String HOSTED_DEFAULT_URL = DISCOVERY_TEMPLATE.replace("{authority}", HOSTED_DEFAULT_AUTHORITY);

    /** The discovery URL core would use, and whether it points at the hosted default. */
    public record Discovery(String url, boolean hostedDefault) {
    }

    /** The HTTP calls a fetch makes; a test substitutes one that counts them. */
    interface Transport {
        Reply get(String url);

        Reply postForm(String url, Map<String, String> form);
    }

    private static final Transport HTTP = new Transport() {
        @Override
        public Reply get(String url) {
            return Http.get(url);
        }

        @Override
        public Reply postForm(String url, Map<String, String> form) {
            return Http.postForm(url, form);
        }
    };

    private CoreTokenFetch() {
    }

    /** Decides the URL exactly as core does, without any network call. */
    public static Discovery discoveryUrl(Map<String, String> env) {
        String explicit = env.get(EnvNames.MOZAIKS_OIDC_DISCOVERY_URL);
        String url;
        if (explicit != null && !explicit.isEmpty()) {
            url = explicit;
        } else {
            String authority = orDefault(env.get(EnvNames.MOZAIKS_OIDC_AUTHORITY), HOSTED_DEFAULT_AUTHORITY);
            String tenant = orDefault(env.get(EnvNames.MOZAIKS_OIDC_TENANT_ID), HOSTED_DEFAULT_TENANT_ID);
            url = DISCOVERY_TEMPLATE.replace("{authority}", stripTrailingSlash(authority)).replace("{tenant}", tenant);
        }
        // Judged by host, so an overridden tenant on the default authority still counts as hosted.
        return new Discovery(url, isHostedHost(url));
    }

    /** The access token core would obtain with this env. */
    public static String fetch(Map<String, String> env) {
        return fetch(env, HTTP);
    }

    static String fetch(Map<String, String> env, Transport transport) {
        Discovery discovery = discoveryUrl(env);
        if (discovery.hostedDefault()) {
            throw new IllegalStateException("refusing to fetch a service token: MOZAIKS_OIDC_DISCOVERY_URL is not set, so"
                    + " core would send MOZAIKS_PLATFORM_CLIENT_ID/SECRET to the hosted default tenant ("
                    + discovery.url() + "); set MOZAIKS_OIDC_DISCOVERY_URL");
        }
        ConsumerEnv vars = new ConsumerEnv(env);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", vars.required(EnvNames.MOZAIKS_PLATFORM_CLIENT_ID));
        form.put("client_secret", vars.required(EnvNames.MOZAIKS_PLATFORM_CLIENT_SECRET));
        String scope = vars.get(EnvNames.MOZAIKS_PLATFORM_TOKEN_SCOPE, null);
        if (scope != null) {
            form.put("scope", scope);
        }
        String tokenEndpoint = transport.get(discovery.url()).expect(200).field("token_endpoint");
        if (tokenEndpoint == null) {
            throw new IllegalStateException("discovery document " + discovery.url() + " has no token_endpoint");
        }
        String token = transport.postForm(tokenEndpoint, form).expect(200).field("access_token");
        if (token == null) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + " answered no access_token");
        }
        return token;
    }

    private static boolean isHostedHost(String url) {
        String host = URI.create(url).getHost();
        return host != null && host.equalsIgnoreCase(URI.create(HOSTED_DEFAULT_AUTHORITY).getHost());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
