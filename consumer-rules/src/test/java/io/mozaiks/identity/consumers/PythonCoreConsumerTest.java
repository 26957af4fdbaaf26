package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonCoreConsumerTest {

    private static LocalIssuer issuer;
    private static PythonCoreConsumer core;

    @BeforeAll
    static void start() {
        issuer = LocalIssuer.start();
        core = PythonCoreConsumer.fromEnv(ContractEnv.core(issuer.issuer()));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void theContractEnvAcceptsAUserToken() throws Rejected {
        Principal user = core.user(token(issuer.claims().claim("scope", "openid access_as_user")));
        assertThat(user.userId()).isEqualTo("user-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "", "off", "no", "enabled", "TRUE", " true"})
    void aPresentAuthEnabledThatIsNotOnIsRefused(String value) {
        Map<String, String> env = new HashMap<>(ContractEnv.core(issuer.issuer()));
        env.put("AUTH_ENABLED", value);
        assertThatThrownBy(() -> PythonCoreConsumer.fromEnv(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AUTH_ENABLED=" + value + " turns auth off (fails open)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "yes", "on"})
    void theOnSpellingsBuild(String value) {
        Map<String, String> env = new HashMap<>(ContractEnv.core(issuer.issuer()));
        env.put("AUTH_ENABLED", value);
        assertThat(PythonCoreConsumer.fromEnv(env)).isNotNull();
    }

    @Test
    void anAbsentAuthEnabledIsCoresDefault() {
        Map<String, String> env = new HashMap<>(ContractEnv.core(issuer.issuer()));
        env.remove("AUTH_ENABLED");
        assertThat(PythonCoreConsumer.fromEnv(env)).isNotNull();
    }

    @Test
    void theDirectorNeedsItsThreeSettingsInExternalMode() {
        Map<String, String> env = new HashMap<>(ContractEnv.core(issuer.issuer()));
        assertThat(PythonCoreConsumer.directorStarts(env)).isTrue();
        env.remove("MOZAIKS_ISSUER");
        env.put("MOZAIKS_AUDIENCE", " ");
        assertThat(PythonCoreConsumer.directorStarts(env)).isFalse();
        assertThat(PythonCoreConsumer.directorMissing(env)).containsExactly("MOZAIKS_ISSUER", "MOZAIKS_AUDIENCE");
        env.put("MOZAIKS_AUTH_MODE", "external");
        assertThat(PythonCoreConsumer.directorStarts(env)).isFalse();
        env.put("MOZAIKS_AUTH_MODE", "local");
        assertThat(PythonCoreConsumer.directorStarts(env)).isTrue();
        assertThat(PythonCoreConsumer.directorStarts(Map.of())).isFalse();
    }

    @Test
    void rule6BindingClaimsMustMatchThePath() throws Rejected {
        Principal bound = core.user(token(userClaims().claim("mozaiks_app_id", "app-1").claim("app_id", "app-9")
                .claim("chat_id", "chat-1")));
        PythonCoreConsumer.checkBinding(bound, "app-1", "chat-1");
        PythonCoreConsumer.checkBinding(bound, null, null);
        assertStatus(() -> PythonCoreConsumer.checkBinding(bound, "app-9", "chat-1"), 403);
        assertStatus(() -> PythonCoreConsumer.checkBinding(bound, "app-1", "chat-2"), 403);

        Principal emptyFirst = core.user(token(userClaims().claim("mozaiks_app_id", "").claim("app_id", "app-9")));
        PythonCoreConsumer.checkBinding(emptyFirst, "app-9", "any-chat");
        assertStatus(() -> PythonCoreConsumer.checkBinding(emptyFirst, "app-1", null), 403);

        Principal unbound = core.user(token(userClaims()));
        PythonCoreConsumer.checkBinding(unbound, "any-app", "any-chat");
    }

    @Test
    void rule7AdminAndInternalRoles() throws Rejected {
        assertThat(PythonCoreConsumer.isSuperAdmin(withRoles("admin"))).isTrue();
        assertThat(PythonCoreConsumer.isSuperAdmin(withRoles("superadmin"))).isTrue();
        assertThat(PythonCoreConsumer.isSuperAdmin(withRoles("Admin", "SuperAdmin", "platform_admin"))).isFalse();
        assertThat(PythonCoreConsumer.isAdmin(withRoles("admin"))).isTrue();

        // A user token holding "service" is internal AND superadmin for core: why the role is service-only.
        Principal service = withRoles("service");
        assertThat(PythonCoreConsumer.adminOrInternal(service)).isTrue();
        assertThat(PythonCoreConsumer.isSuperAdmin(service)).isFalse();
        assertThat(PythonCoreConsumer.adminOrInternal(withRoles("internal_service"))).isTrue();
        assertThat(PythonCoreConsumer.adminOrInternal(withRoles("admin"))).isTrue();
        assertThat(PythonCoreConsumer.adminOrInternal(withRoles("Service", "user"))).isFalse();
    }

    @Test
    void internalKeepsRefusingUserScopedTokens() throws Rejected {
        assertStatus(() -> core.internal(token(userClaims().claim("roles", List.of("internal_service"))), false), 403);
        Principal service = core.internal(token(issuer.claims().claim("roles", List.of("internal_service"))), true);
        assertThat(service.roles()).containsExactly("internal_service");
        assertStatus(() -> core.internal(token(issuer.claims()), true), 403);
    }

    @Test
    void rule9ExecutionTokenGate() throws Rejected {
        Principal execution = core.executionToken(token(issuer.claims()
                .claim("mozaiks_token_use", "execution").claim("app_id", "app-1")));
        assertThat(execution.claims().getClaim("app_id")).isEqualTo("app-1");
        core.executionToken(token(issuer.claims().claim("mozaiks_token_use", "execution").claim("mozaiks_app_id", "a")));

        assertStatus(() -> core.executionToken(token(issuer.claims().claim("mozaiks_token_use", "execution"))), 403);
        assertStatus(() -> core.executionToken(token(issuer.claims().claim("mozaiks_token_use", "execution")
                .claim("app_id", ""))), 403);
        assertStatus(() -> core.executionToken(token(issuer.claims().claim("mozaiks_token_use", "Execution")
                .claim("app_id", "app-1"))), 403);
        assertStatus(() -> core.executionToken(token(userClaims().claim("app_id", "app-1"))), 403);
        // Rules 1-5 still apply: the API audience is required.
        assertStatus(() -> core.executionToken(token(issuer.claims().audience("other")
                .claim("mozaiks_token_use", "execution").claim("app_id", "app-1"))), 401);
    }

    @Test
    void ruleOneStillRequiresAKid() {
        assertStatus(() -> core.user(issuer.sign(userClaims().build(), null)), 401);
    }

    @Test
    void theViewIsCoresOneAdminLevelAndInternalMeansNoUserScope() throws ParseException {
        Map<String, String> env = ContractEnv.core("https://id.example.test/realms/mozaiks");
        ConsumerView user = PythonCoreConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"u-1\",\"azp\":\"mozaiks-shell\","
                + "\"scope\":\"openid access_as_user\",\"roles\":[\"user\",\"admin\"],\"Roles\":[\"superadmin\"],"
                + "\"tid\":\"mozaiks\",\"TID\":\"other\",\"amr\":[\"mfa\"]}"));
        assertThat(user).isEqualTo(new ConsumerView("u-1", Set.of("user", "admin"), true, true, false, false, "mozaiks",
                List.of("openid", "access_as_user"), "mozaiks-shell"));
        // Case-sensitive names and values: Roles, Admin, SCP mean nothing to core.
        ConsumerView other = PythonCoreConsumer.view(env, JWTClaimsSet.parse(
                "{\"sub\":\"u-1\",\"SCP\":\"access_as_user\",\"roles\":\"Admin, SuperAdmin\",\"appid\":\"\",\"client_id\":\"c\"}"));
        assertThat(other.roles()).containsExactly("Admin", "SuperAdmin");
        assertThat(other.superAdmin()).isFalse();
        assertThat(other.internal()).as("no user scope").isTrue();
        assertThat(other.clientId()).isEqualTo("c");
        // Core falls back to scope (its successor does not: SuccessorConsumerTest).
        JWTClaimsSet scopeOnly = JWTClaimsSet.parse("{\"sub\":\"u\",\"scope\":\"access_as_user\"}");
        assertThat(PythonCoreConsumer.view(env, scopeOnly).internal()).isFalse();
        assertThat(PythonCoreConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"\"}")).userId()).as("falsy: 401").isNull();
    }

    @Test
    void rolesAreCoercedAsCoreDoes() {
        assertThat(CoreClaims.coerceRoles("a b,c")).containsExactly("a b", "c");
        assertThat(CoreClaims.coerceRoles(" admin  user ")).containsExactly("admin", "user");
        assertThat(CoreClaims.coerceRoles(java.util.Arrays.asList(true, 3L, 1.5, " x ", "", null, List.of("y"))))
                .containsExactly("True", "3", "x");
        assertThat(CoreClaims.coerceRoles(Map.of("roles", List.of("a")))).isEmpty();
    }

    @Test
    void theCapabilityIdIsMozaiksCapabilityIdElseCapabilityId() throws Rejected {
        assertThat(core.user(token(userClaims().claim("mozaiks_capability_id", "cap-1").claim("capability_id", "cap-2")))
                .capabilityId()).isEqualTo("cap-1");
        Principal fallback = core.user(token(userClaims().claim("mozaiks_capability_id", "").claim("capability_id", "cap-2")));
        assertThat(PythonCoreConsumer.capabilityBinding(fallback)).isEqualTo("cap-2");
        assertThat(core.user(token(userClaims())).capabilityId()).isNull();
    }

    @Test
    void userComputesWhatTheViewComputes() throws Rejected {
        JWTClaimsSet claims = userClaims().claim("roles", List.of("superadmin", "user")).claim("tid", "t-1")
                .claim("azp", "mozaiks-shell").build();
        Principal p = core.user(issuer.sign(claims));
        ConsumerView v = PythonCoreConsumer.view(ContractEnv.core(issuer.issuer()), claims);
        assertThat(new ConsumerView(p.userId(), new LinkedHashSet<>(p.roles()), PythonCoreConsumer.isSuperAdmin(p),
                PythonCoreConsumer.isSuperAdmin(p), false, false, p.tenant(), p.scopes(), p.clientId())).isEqualTo(v);
    }

    @Test
    void clockSkewIs120SecondsForExpNbfAndIat() throws Rejected {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        JWTClaimsSet claims = userClaims().expirationTime(Date.from(t)).issueTime(Date.from(t.minusSeconds(300))).build();
        String token = issuer.sign(claims);
        assertThat(at(t.plusSeconds(120).minusMillis(1)).user(token).userId()).isEqualTo("user-1");
        // PyJWT: expired when exp <= now - leeway, so the boundary itself is expired.
        DotnetPlatformConsumerTest.assertRule(() -> at(t.plusSeconds(120)).user(token), Rule.EXPIRED);
        String future = issuer.sign(new JWTClaimsSet.Builder(claims).expirationTime(Date.from(t.plusSeconds(900)))
                .issueTime(Date.from(t.plusSeconds(120))).notBeforeTime(Date.from(t.plusSeconds(120))).build());
        assertThat(at(t).user(future).userId()).isEqualTo("user-1");
        DotnetPlatformConsumerTest.assertRule(() -> at(t.minusMillis(1)).user(future), Rule.NOT_YET_VALID);
        String iatOnly = issuer.sign(new JWTClaimsSet.Builder(claims).expirationTime(Date.from(t.plusSeconds(900)))
                .issueTime(Date.from(t.plusSeconds(121))).build());
        DotnetPlatformConsumerTest.assertRule(() -> at(t).user(iatOnly), Rule.NOT_YET_VALID);
        Map<String, String> noSkew = new HashMap<>(ContractEnv.core(issuer.issuer()));
        noSkew.put("AUTH_CLOCK_SKEW", "0");
        DotnetPlatformConsumerTest.assertRule(() -> PythonCoreConsumer.fromEnv(noSkew, Clock.fixed(t, ZoneOffset.UTC)).user(token),
                Rule.EXPIRED);
    }

    private static PythonCoreConsumer at(Instant now) {
        return PythonCoreConsumer.fromEnv(ContractEnv.core(issuer.issuer()), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder userClaims() {
        return issuer.claims().claim("scope", "access_as_user");
    }

    private static Principal withRoles(String... roles) throws Rejected {
        return core.user(token(userClaims().claim("roles", List.of(roles))));
    }

    private static String token(JWTClaimsSet.Builder claims) {
        return issuer.sign(claims.build());
    }

    static void assertStatus(ThrowingCall call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.status()).isEqualTo(status));
    }

    interface ThrowingCall {
        void run() throws Exception;
    }
}
