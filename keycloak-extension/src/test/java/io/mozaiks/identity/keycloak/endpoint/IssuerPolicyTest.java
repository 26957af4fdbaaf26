package io.mozaiks.identity.keycloak.endpoint;

import org.junit.jupiter.api.Test;

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

    @Test
    void aBareHostnameStillFollowsSchemeAndPort() {
        assertThat(IssuerPolicy.followsRequest(request -> URI.create(request.getScheme() + "://auth.example.com:"
                + request.getPort() + "/"))).isTrue();
    }
}
