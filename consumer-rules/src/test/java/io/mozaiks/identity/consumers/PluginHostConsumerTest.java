package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mozaiks.identity.consumers.PythonCoreConsumerTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginHostConsumerTest {

    private static LocalIssuer issuer;
    private static PluginHostConsumer host;

    @BeforeAll
    static void start() {
        issuer = LocalIssuer.start();
        host = PluginHostConsumer.fromEnv(ContractEnv.pluginHost(issuer.issuer()));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void skipAuthRefusesToBuildAndTheRestIsRequired() {
        Map<String, String> env = new HashMap<>(ContractEnv.pluginHost(issuer.issuer()));
        env.put("SKIP_AUTH", "true");
        assertThatThrownBy(() -> PluginHostConsumer.fromEnv(env)).hasMessageContaining("disables auth");
        env.put("SKIP_AUTH", "false");
        env.remove("JWT_AUDIENCE");
        assertThatThrownBy(() -> PluginHostConsumer.fromEnv(env)).hasMessage("JWT_AUDIENCE is required");
        // It reads none of the AUTH_* names: core's compose passing AUTH_* leaves it unconfigured.
        assertThatThrownBy(() -> PluginHostConsumer.fromEnv(ContractEnv.platform(issuer.issuer())))
                .hasMessage("JWT_ISSUER is required");
    }

    @Test
    void audienceIsCheckedOnlyWhenTheTokenHasOne() throws Rejected {
        PluginPrincipal noAud = host.authenticate(token(issuer.claims().audience((String) null)));
        assertThat(noAud.userId()).isEqualTo("user-1");
        host.authenticate(token(issuer.claims().audience(List.of("account", "mozaiks-api"))));
        assertStatus(() -> host.authenticate(token(issuer.claims().audience("mozaiks-core"))), 401);
    }

    @Test
    void issuerAndSignatureStillCount() {
        assertStatus(() -> host.authenticate(token(issuer.claims().issuer("http://elsewhere/realms/mozaiks"))), 401);
        String valid = token(issuer.claims());
        assertStatus(() -> host.authenticate(valid.substring(0, valid.length() - 4) + "AAAA"), 401);
    }

    @Test
    void leewayIsZeroAndNoScopeIsChecked() throws Rejected {
        JWTClaimsSet justExpired = issuer.claims().expirationTime(new Date(System.currentTimeMillis() - 5_000)).build();
        assertStatus(() -> host.authenticate(issuer.sign(justExpired)), 401);
        // Core's 120 s leeway still takes it.
        PythonCoreConsumer core = PythonCoreConsumer.fromEnv(ContractEnv.core(issuer.issuer()));
        assertThat(core.user(issuer.sign(new JWTClaimsSet.Builder(justExpired).claim("scope", "access_as_user").build()))
                .userId()).isEqualTo("user-1");
        assertThat(host.authenticate(token(issuer.claims())).roles()).isEmpty();
    }

    @Test
    void kidIsOptionalWithOneKeyAndAnUnknownKidFails() throws Rejected {
        assertThat(host.authenticate(issuer.sign(issuer.claims().build(), null)).userId()).isEqualTo("user-1");
        assertStatus(() -> host.authenticate(issuer.sign(issuer.claims().build(), "rotated")), 401);
        try (LocalIssuer twoKeys = LocalIssuer.start(2)) {
            PluginHostConsumer rotating = PluginHostConsumer.fromEnv(ContractEnv.pluginHost(twoKeys.issuer()));
            assertStatus(() -> rotating.authenticate(twoKeys.sign(twoKeys.claims().build(), null)), 401);
            assertThat(rotating.authenticate(twoKeys.sign(twoKeys.claims().build())).userId()).isEqualTo("user-1");
        }
    }

    @Test
    void userIdBeatsSubAndUidIsTheLastResort() throws Rejected {
        assertThat(host.authenticate(token(issuer.claims().claim("user_id", "forged"))).userId()).isEqualTo("forged");
        assertThat(host.authenticate(token(issuer.claims().claim("user_id", ""))).userId()).isEqualTo("user-1");
        assertThat(host.authenticate(token(issuer.claims().subject(null).claim("uid", "u-7"))).userId()).isEqualTo("u-7");
        assertStatus(() -> host.authenticate(token(issuer.claims().subject(null))), 401);
    }

    @Test
    void usernameComesFromUsernameThenPreferredUsernameThenEmail() throws Rejected {
        JWTClaimsSet.Builder all = issuer.claims().claim("username", "u").claim("preferred_username", "p").claim("email", "e@x");
        assertThat(host.authenticate(token(all)).username()).isEqualTo("u");
        assertThat(host.authenticate(token(all.claim("username", null))).username()).isEqualTo("p");
        assertThat(host.authenticate(token(all.claim("preferred_username", null))).username()).isEqualTo("e@x");
    }

    @Test
    void isSuperadminUsesPythonTruthiness() throws Rejected {
        for (Object truthy : new Object[] {true, 1, 2.5, "false", "0", List.of("x"), Map.of("a", 1)}) {
            assertThat(superAdmin(issuer.claims().claim("is_superadmin", truthy))).as("is_superadmin=%s", truthy).isTrue();
        }
        for (Object falsy : new Object[] {false, 0, 0.0, "", List.of(), Map.of()}) {
            assertThat(superAdmin(issuer.claims().claim("is_superadmin", falsy))).as("is_superadmin=%s", falsy).isFalse();
        }
        assertThat(superAdmin(issuer.claims().claim("roles", List.of("superadmin")))).isTrue();
        assertThat(superAdmin(issuer.claims().claim("roles", List.of("SuperAdmin", "admin")))).isFalse();
    }

    @Test
    void realmAccessRolesAreTheUnfilteredFallback() throws Rejected {
        Map<String, Object> realmAccess = Map.of("roles", List.of("superadmin", "offline_access", "default-roles-mozaiks"));
        PluginPrincipal fallback = host.authenticate(token(issuer.claims().claim("realm_access", realmAccess)));
        assertThat(fallback.roles()).containsExactly("superadmin", "offline_access", "default-roles-mozaiks");
        assertThat(fallback.superAdmin()).isTrue();
        PluginPrincipal emptyRoles = host.authenticate(token(issuer.claims().claim("roles", List.of())
                .claim("realm_access", realmAccess)));
        assertThat(emptyRoles.roles()).contains("offline_access");
        PluginPrincipal flat = host.authenticate(token(issuer.claims().claim("roles", List.of("user"))
                .claim("realm_access", realmAccess)));
        assertThat(flat.roles()).containsExactly("user");
        assertThat(flat.superAdmin()).isFalse();
    }

    @Test
    void appIdComesFromAppIdOnly() throws Rejected {
        assertThat(host.authenticate(token(issuer.claims().claim("app_id", "app-1"))).appId()).isEqualTo("app-1");
        assertThat(host.authenticate(token(issuer.claims().claim("mozaiks_app_id", "app-2"))).appId()).isNull();
    }

    @Test
    void algorithmsComeFromJwtAlgorithmsThenJwtAlgorithm() {
        Map<String, String> env = new HashMap<>(ContractEnv.pluginHost(issuer.issuer()));
        env.remove("JWT_ALGORITHMS");
        env.put("JWT_ALGORITHM", "ES256");
        PluginHostConsumer es256 = PluginHostConsumer.fromEnv(env);
        assertStatus(() -> es256.authenticate(token(issuer.claims())), 401);
    }

    @Test
    void theViewIsOneAdminLevelNoScopesAndNeverInternal() throws ParseException, Rejected {
        JWTClaimsSet claims = JWTClaimsSet.parse("{\"sub\":\"u-1\",\"scope\":\"openid\",\"tid\":\"t\",\"azp\":\"c\","
                + "\"realm_access\":{\"roles\":[\"superadmin\",\"offline_access\"]},\"Roles\":[\"x\"]}");
        ConsumerView v = PluginHostConsumer.view(Map.of(), claims);
        assertThat(v).isEqualTo(new ConsumerView("u-1", Set.of("superadmin", "offline_access"), true, true, false, false,
                null, List.of(), null));
        assertThat(PluginHostConsumer.view(Map.of(), JWTClaimsSet.parse("{\"user_id\":\"forged\",\"sub\":\"u\",\"is_superadmin\":\"false\"}")))
                .extracting(ConsumerView::userId, ConsumerView::superAdmin).containsExactly("forged", true);
        // authenticate builds the same user.
        JWTClaimsSet signed = issuer.claims().claim("roles", List.of("superadmin")).build();
        PluginPrincipal p = host.authenticate(issuer.sign(signed));
        ConsumerView fromView = PluginHostConsumer.view(Map.of(), signed);
        assertThat(fromView.userId()).isEqualTo(p.userId());
        assertThat(fromView.roles()).containsExactlyElementsOf(p.roles());
        assertThat(fromView.superAdmin()).isEqualTo(p.superAdmin());
    }

    @Test
    void theJwksIsFetchedAgainOnlyOnceTheCacheTtlHasPassed() throws Rejected {
        try (LocalIssuer rotating = LocalIssuer.start()) {
            Instant t = Instant.now();
            MutableClock clock = new MutableClock(t);
            PluginHostConsumer cached = PluginHostConsumer.fromEnv(ContractEnv.pluginHost(rotating.issuer()), clock);
            assertThat(cached.authenticate(rotating.sign(rotating.claims().build())).userId()).isEqualTo("user-1");
            int fetches = rotating.requests.get();
            int rotated = rotating.addKey("k-rotated");
            String newKeyToken = rotating.signWithKey(rotating.claims().build(), rotated);
            clock.advance(Duration.ofSeconds(299));
            DotnetPlatformConsumerTest.assertRule(() -> cached.authenticate(newKeyToken), Rule.UNKNOWN_KID);
            assertThat(rotating.requests.get()).as("an unknown kid fetches nothing").isEqualTo(fetches);
            clock.advance(Duration.ofSeconds(1));
            assertThat(cached.authenticate(newKeyToken).userId()).isEqualTo("user-1");
            assertThat(rotating.requests.get()).isEqualTo(fetches + 1);
            assertThat(cached.authenticate(newKeyToken).userId()).isEqualTo("user-1");
            assertThat(rotating.requests.get()).as("cached again for the next TTL").isEqualTo(fetches + 1);

            Map<String, String> env = new HashMap<>(ContractEnv.pluginHost(rotating.issuer()));
            env.put("JWKS_CACHE_TTL_SECONDS", "5m");
            assertThatThrownBy(() -> PluginHostConsumer.fromEnv(env)).hasMessageContaining("JWKS_CACHE_TTL_SECONDS");
        }
        assertThat(Rule.UNKNOWN_KID.fix()).contains("JWKS_CACHE_TTL_SECONDS").doesNotContain("never re-fetches");
    }

    @Test
    void leewayIsZeroOnWholeSecondsAndExpIsOptional() throws Rejected {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        JWTClaimsSet claims = issuer.claims().expirationTime(Date.from(t)).issueTime(Date.from(t.plusSeconds(3600))).build();
        String token = issuer.sign(claims);
        // python-jose: now in whole seconds, expired when exp < now; iat is not compared with the clock.
        assertThat(at(t.plusMillis(999)).authenticate(token).userId()).isEqualTo("user-1");
        DotnetPlatformConsumerTest.assertRule(() -> at(t.plusSeconds(1)).authenticate(token), Rule.EXPIRED);
        String noExp = issuer.sign(new JWTClaimsSet.Builder(claims).expirationTime(null).build());
        assertThat(at(t.plusSeconds(86_400)).authenticate(noExp).userId()).isEqualTo("user-1");
        String notBefore = issuer.sign(new JWTClaimsSet.Builder(claims).expirationTime(null).notBeforeTime(Date.from(t)).build());
        DotnetPlatformConsumerTest.assertRule(() -> at(t.minusSeconds(1)).authenticate(notBefore), Rule.NOT_YET_VALID);
        assertThat(at(t).authenticate(notBefore).userId()).isEqualTo("user-1");
    }

    private static PluginHostConsumer at(Instant now) {
        return PluginHostConsumer.fromEnv(ContractEnv.pluginHost(issuer.issuer()), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static boolean superAdmin(JWTClaimsSet.Builder claims) throws Rejected {
        return host.authenticate(token(claims)).superAdmin();
    }

    private static String token(JWTClaimsSet.Builder claims) {
        return issuer.sign(claims.build());
    }
}
