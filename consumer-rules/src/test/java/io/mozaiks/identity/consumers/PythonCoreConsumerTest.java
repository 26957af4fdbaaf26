package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
