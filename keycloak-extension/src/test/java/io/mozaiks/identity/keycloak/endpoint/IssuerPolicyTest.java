package io.mozaiks.identity.keycloak.endpoint;

import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.keycloak.urls.HostnameProvider;
import org.keycloak.urls.UrlType;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class IssuerPolicyTest {

    @Test
    void aFullUrlHostnameIsFixed() {
        URI fixed = URI.create("https://auth.example.com/");
        assertThat(IssuerPolicy.followsRequest(request -> fixed)).isFalse();
    }

    @Test
    void noHostnameFollowsTheRequest() {
        assertThat(IssuerPolicy.followsRequest(request -> request)).isTrue();
    }

    /** The parts-based base URL (works on Keycloak 26.4, which lacks HostnameProvider.getBaseUri(UriInfo, UrlType)). */
    @Test
    void frontendBaseIsBuiltFromTheProvidersParts() {
        HostnameProvider fixedHost = new HostnameProvider() {
            @Override
            public String getHostname(UriInfo request, UrlType type) {
                return "auth.example.com";
            }

            @Override
            public String getContextPath(UriInfo request, UrlType type) {
                return "/auth";
            }

            @Override
            public void close() {
            }
        };
        assertThat(IssuerPolicy.baseUrl(fixedHost, IssuerPolicy.probe(URI.create("https://node-1.internal:8443/")), UrlType.FRONTEND))
                .isEqualTo(URI.create("https://auth.example.com:8443/auth"));
        assertThat(IssuerPolicy.followsRequest(base -> IssuerPolicy.baseUrl(fixedHost, IssuerPolicy.probe(base), UrlType.FRONTEND))).isTrue();
    }

    @Test
    void aBareHostnameStillFollowsSchemeAndPort() {
        assertThat(IssuerPolicy.followsRequest(request -> URI.create(request.getScheme() + "://auth.example.com:"
                + request.getPort() + "/"))).isTrue();
    }
}
