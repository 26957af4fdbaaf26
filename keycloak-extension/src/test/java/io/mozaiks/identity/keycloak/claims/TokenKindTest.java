package io.mozaiks.identity.keycloak.claims;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenKindTest {

    private static final String CLIENT = "internal-id-of-client";
    private static final String OTHER = "internal-id-of-other-client";
    private static final String CLIENT_CREDENTIALS = "client_credentials";

    @Test
    void ownServiceAccountWithClientCredentialsIsAServiceToken() {
        assertThat(TokenKind.of(CLIENT, CLIENT, CLIENT_CREDENTIALS, true)).isEqualTo(TokenKind.INTERNAL_SERVICE);
        assertThat(TokenKind.of(CLIENT, CLIENT, CLIENT_CREDENTIALS, false)).isEqualTo(TokenKind.OTHER_SERVICE);
        assertThat(TokenKind.INTERNAL_SERVICE.service()).isTrue();
        assertThat(TokenKind.OTHER_SERVICE.service()).isTrue();
    }

    @Test
    void tokenExchangeWithAServiceAccountSubjectIsAUserToken() {
        assertThat(TokenKind.of(CLIENT, CLIENT, TokenKind.TOKEN_EXCHANGE_GRANT, true)).isEqualTo(TokenKind.USER);
        assertThat(TokenKind.of(OTHER, CLIENT, TokenKind.TOKEN_EXCHANGE_GRANT, true)).isEqualTo(TokenKind.USER);
        assertThat(TokenKind.TOKEN_EXCHANGE_GRANT).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
    }

    @Test
    void anotherClientsServiceAccountIsAUserToken() {
        assertThat(TokenKind.of(OTHER, CLIENT, CLIENT_CREDENTIALS, true)).isEqualTo(TokenKind.USER);
        assertThat(TokenKind.of(OTHER, CLIENT, null, true)).isEqualTo(TokenKind.USER);
    }

    @Test
    void aPersonIsAUser() {
        assertThat(TokenKind.of(null, CLIENT, "authorization_code", true)).isEqualTo(TokenKind.USER);
        assertThat(TokenKind.of(null, CLIENT, "password", false)).isEqualTo(TokenKind.USER);
        assertThat(TokenKind.of(null, CLIENT, null, true)).isEqualTo(TokenKind.USER);
        assertThat(TokenKind.USER.service()).isFalse();
    }

    @Test
    void introspectionWithoutAGrantOfTheOwnServiceAccountIsAServiceToken() {
        assertThat(TokenKind.of(CLIENT, CLIENT, null, true)).isEqualTo(TokenKind.INTERNAL_SERVICE);
        assertThat(TokenKind.of(CLIENT, CLIENT, null, false)).isEqualTo(TokenKind.OTHER_SERVICE);
    }

    @Test
    void aRefreshOfAServiceTokenStaysAServiceToken() {
        assertThat(TokenKind.of(CLIENT, CLIENT, "refresh_token", false)).isEqualTo(TokenKind.OTHER_SERVICE);
    }

    @Test
    void onlyClientCredentialsAndItsRefreshKeepAServiceTokenAService() {
        assertThat(TokenKind.of(CLIENT, CLIENT, "refresh_token", true)).isEqualTo(TokenKind.INTERNAL_SERVICE);
        assertThat(TokenKind.of(CLIENT, CLIENT, null, true)).as("introspection").isEqualTo(TokenKind.INTERNAL_SERVICE);
        assertThat(TokenKind.of(CLIENT, CLIENT, "password", true)).isEqualTo(TokenKind.USER);
        assertThat(TokenKind.of(CLIENT, CLIENT, "urn:openid:params:grant-type:ciba", true)).isEqualTo(TokenKind.USER);
    }
}
