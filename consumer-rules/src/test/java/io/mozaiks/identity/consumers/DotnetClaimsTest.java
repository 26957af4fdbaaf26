package io.mozaiks.identity.consumers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.text.ParseException;

import static org.assertj.core.api.Assertions.assertThat;

class DotnetClaimsTest {

    private static final String PAYLOAD = "{\"zeta\":\"z\",\"SCP\":\"openid\",\"sub\":\"u-1\",\"scp\":\"access_as_user\","
            + "\"Roles\":[\"SuperAdmin\",\"x\"],\"alpha\":null,\"roles\":[\"user\",\"\",\"USER\",\"admin\"],\"obj\":{\"b\":1},\"exp\":1700000000}";

    @Test
    void claimsKeepThePayloadsJsonOrderThroughParseAndThroughAVerifiedJws() throws ParseException, JOSEException {
        assertThat(JWTClaimsSet.parse(PAYLOAD).getClaims().keySet())
                .containsExactly("zeta", "SCP", "sub", "scp", "Roles", "alpha", "roles", "obj", "exp");
        // The payload bytes exactly as given, signed: what a consumer receives.
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(PAYLOAD));
        jws.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertThat(SignedJWT.parse(jws.serialize()).getJWTClaimsSet().getClaims().keySet())
                .containsExactly("zeta", "SCP", "sub", "scp", "Roles", "alpha", "roles", "obj", "exp");
    }

    @Test
    void firstIsTheFirstMatchInJsonOrderAndAllIsEveryMatch() throws ParseException {
        DotnetClaims claims = DotnetClaims.of(JWTClaimsSet.parse(PAYLOAD));
        assertThat(claims.first("scp")).isEqualTo("openid");
        assertThat(claims.first("ROLES")).isEqualTo("SuperAdmin");
        assertThat(claims.all("roles")).containsExactly("SuperAdmin", "x", "user", "", "USER", "admin");
        // GetStringValues: blanks dropped, duplicates ignoring case dropped (first kept).
        assertThat(claims.stringValues("roles")).containsExactly("SuperAdmin", "x", "user", "admin");
        assertThat(claims.first("alpha")).isEmpty();
        assertThat(claims.first("obj")).isEqualTo("{\"b\":1}");
        assertThat(claims.first("exp")).isEqualTo("1700000000");
        assertThat(claims.first("missing")).isNull();
    }

    @Test
    void splitOnSpaceTrimsAndDropsEmptyEntriesLikeDotnet() {
        assertThat(DotnetClaims.splitOnSpace("  openid\u00A0  access_as_user ")).containsExactly("openid", "access_as_user");
        assertThat(DotnetClaims.splitOnSpace("a\tb")).containsExactly("a\tb");
        assertThat(DotnetClaims.splitOnSpace(null)).isEmpty();
        assertThat(DotnetClaims.isNullOrWhiteSpace("\u00A0")).isTrue();
    }
}
