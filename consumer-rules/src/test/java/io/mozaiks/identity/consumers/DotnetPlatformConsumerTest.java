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

import static io.mozaiks.identity.consumers.PythonCoreConsumerTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's reading of claim names ignoring case, in JSON order: a hard-coded {@code Roles}, {@code AMR},
 * {@code SCP}, {@code TID} or {@code SUB} beside the contract's exact claims changes what {@code Mozaiks.Auth} sees.
 */
class DotnetPlatformConsumerTest {

    private static final Map<String, String> ENV = ContractEnv.platform("https://id.example.test/realms/mozaiks");
    /** A contract user token's claims in Keycloak's order: fixed fields first, then mapper-written claims. */
    private static final String USER_HEAD = "\"sub\":\"u-1\",\"azp\":\"mozaiks-shell\",\"acr\":\"1\",\"scope\":\"openid access_as_user\"";
    private static final String USER_TAIL = "\"scp\":\"openid access_as_user\",\"roles\":[\"user\"],\"tid\":\"mozaiks\",\"amr\":[\"pwd\"],"
            + "\"email\":\"ada@example.test\"";
    private static final String SERVICE = "{\"sub\":\"svc-1\",\"azp\":\"mozaiks-core\",\"roles\":[\"internal_service\"],\"tid\":\"mozaiks\"}";

    private static LocalIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = LocalIssuer.start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void theContractsCleanClaims() throws ParseException {
        ConsumerView clean = user("", "");
        assertThat(clean).isEqualTo(new ConsumerView("u-1", java.util.Set.of("user"), false, false, false, false, "mozaiks",
                List.of("openid", "access_as_user"), "mozaiks-shell"));
        ConsumerView service = view(SERVICE);
        assertThat(service.internal()).isTrue();
        assertThat(service.scopes()).isEmpty();
        assertThat(service.clientId()).isEqualTo("mozaiks-core");
    }

    @Test
    void aHardCodedRolesClaimAddsRolesAndAdminLevels() throws ParseException {
        ConsumerView superAdmin = user("", ",\"Roles\":[\"SuperAdmin\"]");
        assertThat(superAdmin.superAdmin()).isTrue();
        assertThat(superAdmin.admin()).isTrue();
        assertThat(superAdmin.roles()).containsExactly("user", "SuperAdmin");
        ConsumerView admin = user("\"ROLES\":\"admin\",", "");
        assertThat(admin.admin()).isTrue();
        assertThat(admin.superAdmin()).isFalse();
        // The role VALUE is compared OrdinalIgnoreCase too: a long s upper-cases to S.
        assertThat(user("", ",\"Roles\":[\"\u017Fuperadmin\"]").superAdmin()).isTrue();
        assertThat(user("", ",\"roles_\":[\"SuperAdmin\"]").superAdmin()).as("another name").isFalse();
    }

    @Test
    void noUserIdNoAdminLevel() throws ParseException {
        // GetUser answers null without a user id: the admin policies fail whatever the roles say.
        ConsumerView noUser = view("{\"azp\":\"x\",\"roles\":[\"SuperAdmin\",\"Admin\"],\"sub\":\"  \"}");
        assertThat(noUser.userId()).isNull();
        assertThat(noUser.superAdmin()).isFalse();
        assertThat(noUser.admin()).isFalse();
        assertThat(noUser.roles()).containsExactly("SuperAdmin", "Admin");
    }

    @Test
    void aHardCodedAmrOrAcrGivesMfa() throws ParseException {
        assertThat(user("", ",\"AMR\":[\"mfa\"]").mfa()).isTrue();
        assertThat(user("", ",\"Amr\":\"otp MFA\"").mfa()).as("split on spaces, value ignoring case").isTrue();
        assertThat(user("", ",\"amr_x\":[\"mfa\"]").mfa()).isFalse();
        // acr: only the FIRST acr-named claim counts; Keycloak's acr comes first.
        assertThat(user("", ",\"ACR\":\"urn:mfa\"").mfa()).isFalse();
        assertThat(user("\"Acr\":\"urn:example:MFA\",", "").mfa()).isTrue();
    }

    @Test
    void aHardCodedScpBeforeScpHidesTheUserScope() throws ParseException {
        ConsumerView hidden = view("{\"sub\":\"u-1\",\"SCP\":\"openid\",\"scope\":\"openid access_as_user\",\"scp\":\"openid access_as_user\"}");
        assertThat(hidden.scopes()).containsExactly("openid");
        assertThat(user("", ",\"SCP\":\"openid\"").scopes()).as("after scp: scp wins").contains("access_as_user");
        assertThat(user("\"\u017Fcp\":\"openid\",", "").scopes()).as("long s").containsExactly("openid");
        // An EMPTY first scp still wins over scope (C# ?? skips only a missing claim): no scope, so "internal".
        ConsumerView emptied = user("\"Scp\":\"\",", "");
        assertThat(emptied.scopes()).isEmpty();
        assertThat(emptied.internal()).isTrue();
        // A service token with a Scope of another case is no longer internal.
        assertThat(view("{\"sub\":\"s\",\"azp\":\"mozaiks-core\",\"Scope\":\"x\"}").internal()).isFalse();
    }

    @Test
    void theFirstTenantUserIdAndClientIdWin() throws ParseException {
        assertThat(user("\"TID\":\"other\",", "").tenant()).isEqualTo("other");
        assertThat(user("", ",\"TID\":\"other\"").tenant()).isEqualTo("mozaiks");
        ConsumerView sub = view("{\"SUB\":\"admin-1\"," + USER_HEAD + "," + USER_TAIL + "}");
        assertThat(sub.userId()).isEqualTo("admin-1");
        assertThat(user("\"AZP\":\"other-client\",", "").clientId()).isEqualTo("other-client");
        assertThat(user("", ",\"AZP\":\"other-client\"").clientId()).isEqualTo("mozaiks-shell");
        assertThat(view("{\"Appid\":\"a\",\"client_id\":\"c\"}").clientId()).isEqualTo("a");
        assertThat(view("{\"CLIENT_ID\":\"c\"}").clientId()).isEqualTo("c");
    }

    @Test
    void theEnvNamesTheClaimsAndTheSuperadminRole() throws ParseException {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("AUTH_SUPERADMIN_ROLE", " Root ");
        env.put("AUTH_ROLES_CLAIM", "groups");
        env.put("AUTH_TENANT_CLAIM", "org");
        ConsumerView v = DotnetPlatformConsumer.view(env, JWTClaimsSet.parse(
                "{\"sub\":\"u\",\"Groups\":[\"root\"],\"roles\":[\"SuperAdmin\"],\"ORG\":\"o-1\"}"));
        assertThat(v.roles()).containsExactly("root");
        assertThat(v.superAdmin()).isTrue();
        assertThat(v.tenant()).isEqualTo("o-1");
    }

    @Test
    void allowedClientIdsAreACsvComparedIgnoringCase() throws ParseException {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("AUTH_ALLOWED_CLIENT_IDS", " Mozaiks-Core , ,other");
        assertThat(DotnetPlatformConsumer.view(env, JWTClaimsSet.parse(SERVICE)).internal()).isTrue();
        assertThat(DotnetPlatformConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"s\",\"azp\":\"mozaiks-shell\"}")).internal()).isFalse();
        assertThat(DotnetPlatformConsumer.view(env, JWTClaimsSet.parse("{\"sub\":\"s\",\"azp\":\"\",\"appid\":\"other\"}")).internal())
                .as("an empty first azp stops the search").isFalse();
        assertThat(PlatformOptions.csv("a,A, b ,,")).containsExactly("a", "b");
    }

    @Test
    void emailIsTheFirstValueWithAnAtOfEachCandidate() throws ParseException {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("AUTH_EMAIL_CLAIM", "upn, email");
        JWTClaimsSet claims = JWTClaimsSet.parse("{\"sub\":\"u\",\"EMAIL\":\"no-at\",\"email\":\"ada@example.test\",\"Email\":\"eve@example.test\"}");
        assertThat(DotnetPlatformConsumer.principal(PlatformOptions.fromEnv(env), claims).email()).isEqualTo("ada@example.test");
        JWTClaimsSet upn = JWTClaimsSet.parse("{\"sub\":\"u\",\"email\":\"ada@example.test\",\"UPN\":\"eve@example.test\"}");
        assertThat(DotnetPlatformConsumer.principal(PlatformOptions.fromEnv(env), upn).email()).isEqualTo("eve@example.test");
    }

    @Test
    void theSchemesComputeWhatTheViewComputes() throws Rejected {
        DotnetPlatformConsumer platform = DotnetPlatformConsumer.fromEnv(ContractEnv.platform(issuer.issuer()));
        JWTClaimsSet claims = new JWTClaimsSet.Builder(issuer.claims().build()).claim("TID", "other").claim("azp", "mozaiks-shell")
                .claim("scope", "openid access_as_user").claim("Roles", List.of("Admin", "SuperAdmin")).claim("roles", List.of("user"))
                .claim("tid", "mozaiks").claim("Amr", List.of("pwd", "mfa")).build();
        Principal p = platform.bearer(issuer.sign(claims));
        ConsumerView v = DotnetPlatformConsumer.view(ContractEnv.platform(issuer.issuer()), claims);
        assertThat(new ConsumerView(p.userId(), new java.util.LinkedHashSet<>(p.roles()), platform.isPlatformAdmin(p),
                platform.isSuperAdmin(p), DotnetPlatformConsumer.hasMfa(p), false, p.tenant(), p.scopes(), p.clientId())).isEqualTo(v);
        assertThat(v.tenant()).isEqualTo("other");
        assertThat(v.superAdmin()).isTrue();
        assertThat(v.mfa()).isTrue();
        assertThat(DotnetPlatformConsumer.displayName(p)).isEqualTo("user-1");
    }

    @Test
    void bearerAndInternalBearerReadScopesIgnoringCase() {
        DotnetPlatformConsumer platform = DotnetPlatformConsumer.fromEnv(ContractEnv.platform(issuer.issuer()));
        JWTClaimsSet hidden = new JWTClaimsSet.Builder(issuer.claims().build()).claim("SCP", "openid")
                .claim("scope", "openid access_as_user").claim("scp", "openid access_as_user").build();
        assertThatThrownBy(() -> platform.bearer(issuer.sign(hidden)))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.rule()).isEqualTo(Rule.SCOPE_MISSING));
        JWTClaimsSet scoped = new JWTClaimsSet.Builder(issuer.claims().build()).claim("Scope", "x").build();
        assertThatThrownBy(() -> platform.internalBearer(issuer.sign(scoped)))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.rule()).isEqualTo(Rule.USER_TOKEN_ON_INTERNAL));
    }

    @Test
    void clockSkewIsTwoMinutesAndIatIsNotChecked() throws Rejected {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience(ContractEnv.AUDIENCE).subject("u")
                .expirationTime(Date.from(t)).issueTime(Date.from(t.plus(Duration.ofHours(1)))).claim("scp", "access_as_user").build();
        String token = issuer.sign(claims);
        assertThat(at(t.plusSeconds(120)).bearer(token).userId()).isEqualTo("u");
        assertRule(() -> at(t.plusSeconds(120).plusMillis(1)).bearer(token), Rule.EXPIRED);
        String notBefore = issuer.sign(new JWTClaimsSet.Builder(claims).expirationTime(Date.from(t.plusSeconds(600)))
                .notBeforeTime(Date.from(t.plusSeconds(120))).build());
        assertThat(at(t).bearer(notBefore).userId()).isEqualTo("u");
        assertRule(() -> at(t.minusMillis(1)).bearer(notBefore), Rule.NOT_YET_VALID);
        assertRule(() -> at(t).bearer(issuer.sign(new JWTClaimsSet.Builder(claims).expirationTime(null).build())), Rule.EXP_MISSING);
    }

    private static DotnetPlatformConsumer at(Instant now) {
        return DotnetPlatformConsumer.fromEnv(ContractEnv.platform(issuer.issuer()), Clock.fixed(now, ZoneOffset.UTC));
    }

    static void assertRule(PythonCoreConsumerTest.ThrowingCall call, Rule rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.rule()).isEqualTo(rule));
    }

    /** A contract user token with {@code before} placed before its claims and {@code after} after them. */
    private static ConsumerView user(String before, String after) throws ParseException {
        return view("{" + before + USER_HEAD + "," + USER_TAIL + after + "}");
    }

    private static ConsumerView view(String json) throws ParseException {
        return DotnetPlatformConsumer.view(ENV, JWTClaimsSet.parse(json));
    }
}
