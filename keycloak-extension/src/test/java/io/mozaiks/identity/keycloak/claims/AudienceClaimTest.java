package io.mozaiks.identity.keycloak.claims;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceClaimTest {

    private static final List<String> API = List.of("mozaiks-api");

    @Test
    void aUserTokenGetsTheApiAudienceBesideWhatOthersSet() {
        assertThat(AudienceClaim.compute(new String[] {"account"}, API, "app", TokenKind.USER))
                .containsExactly("account", "mozaiks-api");
        assertThat(AudienceClaim.compute(null, API, "app", TokenKind.USER)).containsExactly("mozaiks-api");
        assertThat(AudienceClaim.compute(new String[] {"mozaiks-api"}, API, "app", TokenKind.USER))
                .containsExactly("mozaiks-api");
        assertThat(AudienceClaim.compute(null, List.of("api-a", "api-b"), "app", TokenKind.USER))
                .containsExactly("api-a", "api-b");
    }

    @Test
    void anInternalServiceTokenGetsTheApiAudience() {
        assertThat(AudienceClaim.compute(null, API, "svc", TokenKind.INTERNAL_SERVICE)).containsExactly("mozaiks-api");
    }

    @Test
    void anyOtherServiceTokenIsAddressedToItsOwnClientOnly() {
        assertThat(AudienceClaim.compute(new String[] {"mozaiks-api", "account"}, API, "svc", TokenKind.OTHER_SERVICE))
                .containsExactly("svc");
        assertThat(AudienceClaim.compute(null, API, "svc", TokenKind.OTHER_SERVICE)).containsExactly("svc");
        assertThat(AudienceClaim.compute(null, null, "svc", TokenKind.OTHER_SERVICE)).containsExactly("svc");
    }

    @Test
    void aClientThatIsItselfAnApiAudienceIsNotAddressedAsTheApi() {
        assertThat(AudienceClaim.compute(null, List.of("api-a", "mozaiks-api"), "mozaiks-api", TokenKind.OTHER_SERVICE))
                .containsExactly("mozaiks-api/not-internal")
                .doesNotContain("mozaiks-api");
    }

    @Test
    void neverEmpty() {
        for (TokenKind kind : TokenKind.values()) {
            assertThat(AudienceClaim.compute(null, List.of(), "app", kind)).as(kind.name()).containsExactly("app");
            assertThat(AudienceClaim.compute(new String[0], null, "app", kind)).as(kind.name()).containsExactly("app");
        }
    }

    @Test
    void aBrokenAudienceSettingAddsNoApiAudienceButKeepsWhatIsThere() {
        assertThat(AudienceClaim.compute(null, null, "app", TokenKind.USER)).containsExactly("app");
        assertThat(AudienceClaim.compute(null, null, "svc", TokenKind.INTERNAL_SERVICE)).containsExactly("svc");
        assertThat(AudienceClaim.compute(new String[] {"account"}, null, "app", TokenKind.USER)).containsExactly("account");
    }

    @Test
    void withABrokenAudienceSettingTheDefaultApiIsStillNeverTheOwnAudience() {
        assertThat(AudienceClaim.compute(null, null, "mozaiks-api", TokenKind.OTHER_SERVICE))
                .containsExactly("mozaiks-api" + AudienceClaim.NOT_INTERNAL_SUFFIX);
        assertThat(AudienceClaim.compute(null, null, "svc", TokenKind.OTHER_SERVICE)).containsExactly("svc");
    }
}
