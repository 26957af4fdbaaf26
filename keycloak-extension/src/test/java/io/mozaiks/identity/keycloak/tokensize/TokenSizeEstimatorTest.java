package io.mozaiks.identity.keycloak.tokensize;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSizeEstimatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TokenSizeEstimator.Shape shape(List<String> roles) {
        return new TokenSizeEstimator.Shape("web-app", List.of("mozaiks-api"), List.of("access_as_user", "email", "profile"),
                "mozaiks", roles);
    }

    private static List<String> roles(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("app-role-%04d", i)).toList();
    }

    @Test
    void base64urlIsUnpadded() {
        for (int n = 0; n < 50; n++) {
            byte[] bytes = new byte[n];
            assertThat(TokenSizeEstimator.base64UrlLength(n)).isEqualTo(Base64.getUrlEncoder().withoutPadding().encode(bytes).length);
        }
    }

    @Test
    void jwsIsThreeBase64PartsAndTwoDots() {
        assertThat(TokenSizeEstimator.jwsBytes(3, 6, 0)).isEqualTo(4 + 1 + 8 + 1 + 0);
        assertThat(TokenSizeEstimator.jwsBytes(100, 1000, 256)).isEqualTo(134 + 1 + 1334 + 1 + 342);
    }

    @Test
    void aRoleCostsItsJsonStringAndCommaTimesFourThirds() {
        int without = TokenSizeEstimator.accessTokenBytes(shape(List.of("a")), 256);
        int with = TokenSizeEstimator.accessTokenBytes(shape(List.of("a", "app-role-0001")), 256);
        // "app-role-0001", = 16 bytes of JSON = 21.3 base64 characters
        assertThat(with - without).isBetween(21, 22);
    }

    /** The claims that vary are counted exactly as Jackson writes them. */
    @Property
    void variableClaimsAreExactJson(@ForAll @Size(max = 30) List<@AlphaChars @NumericChars @StringLength(min = 1, max = 40) String> roles,
                                    @ForAll @AlphaChars @StringLength(min = 1, max = 30) String client) throws Exception {
        TokenSizeEstimator.Shape shape = new TokenSizeEstimator.Shape(client, List.of("mozaiks-api"), List.of("email", "x"),
                "t", roles);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("azp", client);
        claims.put("aud", List.of("mozaiks-api", client));
        claims.put("scope", "email x");
        claims.put("scp", List.of("email", "x"));
        claims.put("tid", "t");
        claims.put("roles", roles);
        int json = JSON.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8).length;
        // {...} braces vs. one trailing comma per claim in the estimate: 6 claims, 5 commas + 2 braces = the same but one
        assertThat(TokenSizeEstimator.payloadBytes(shape) - TokenSizeEstimator.FIXED_CLAIMS_BYTES).isEqualTo(json - 2 + 1);
    }

    @Test
    void escapesAndUtf8AreCounted() {
        assertThat(TokenSizeEstimator.jsonString("a\"b")).isEqualTo(6);
        assertThat(TokenSizeEstimator.jsonString("ü")).isEqualTo(4);
        assertThat(TokenSizeEstimator.jsonString("\n")).isEqualTo(8);
    }

    @Test
    void signatureBytesFollowTheAlgorithmAndKey() {
        assertThat(TokenSizeEstimator.signatureBytes("RS256", 2048)).isEqualTo(256);
        assertThat(TokenSizeEstimator.signatureBytes("PS512", 4096)).isEqualTo(512);
        assertThat(TokenSizeEstimator.signatureBytes("RS256", 0)).isEqualTo(TokenSizeEstimator.DEFAULT_SIGNATURE_BYTES);
        assertThat(TokenSizeEstimator.signatureBytes("ES256", 0)).isEqualTo(64);
        assertThat(TokenSizeEstimator.signatureBytes("ES512", 0)).isEqualTo(132);
        assertThat(TokenSizeEstimator.signatureBytes("EdDSA", 0)).isEqualTo(64);
    }

    /** The curve: a few hundred roles cross nginx's 8 KB line, about a thousand cross 16 KB. */
    @Test
    void growsLinearlyWithRoles() {
        int r10 = TokenSizeEstimator.accessTokenBytes(shape(roles(10)), 256);
        int r200 = TokenSizeEstimator.accessTokenBytes(shape(roles(200)), 256);
        int r1000 = TokenSizeEstimator.accessTokenBytes(shape(roles(1000)), 256);
        assertThat(r10).isBetween(1800, 2400);
        assertThat(r200).isLessThan(TokenBudget.DEFAULT_WARN);
        assertThat(r1000).isGreaterThan(TokenBudget.DEFAULT_FAIL);
        assertThat((r1000 - r200) / 800.0).isBetween(21.0, 22.0);
    }
}
