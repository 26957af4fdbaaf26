package io.mozaiks.identity.bench.jmh;

import io.mozaiks.identity.bench.BenchData;
import io.mozaiks.identity.keycloak.claims.AmrClaim;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.claims.ScopeClaim;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The pure work {@code ContractMapper.setClaim} does per token, for the benchmark user (50 bench roles,
 * platform_admin and Keycloak's default roles as resolved by the server). Keycloak's own lookups around it
 * (resolving the session's roles, realm/client caches, parsing the session note) are not in here; the
 * token-endpoint benchmark measures them as part of the whole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContractClaimsBenchmark {

    private List<String> resolvedRoles;
    private Map<String, String> config;
    private ContractSettings settings;
    private String defaultRole;
    private String grantedScope;
    private Map<String, Integer> completedPassword;
    private Map<String, Integer> completedPasswordOtp;
    private Function<String, Optional<String>> authenticatorOf;

    @Setup
    public void setUp() {
        resolvedRoles = BenchData.resolvedRealmRoles();
        config = BenchData.contractMapperConfig();
        settings = ContractSettingsParser.parse(config);
        if (!settings.problems().isEmpty()) {
            throw new IllegalStateException("benchmark config has problems: " + settings.problems());
        }
        defaultRole = BenchData.defaultRole();
        grantedScope = BenchData.CONTRACT_SCOPE; // what a bench-contract token's scope holds before the mapper
        // As after a direct grant (username, password) and after a browser login with OTP.
        Map<String, String> executions = Map.of(
                "e-user", "direct-grant-validate-username",
                "e-pwd", "direct-grant-validate-password",
                "e-form", "auth-username-password-form",
                "e-otp", "auth-otp-form");
        authenticatorOf = id -> Optional.ofNullable(executions.get(id));
        completedPassword = Map.of("e-user", 1_760_000_000, "e-pwd", 1_760_000_000);
        completedPasswordOtp = Map.of("e-form", 1_760_000_000, "e-otp", 1_760_000_005);
    }

    @Benchmark
    public ContractSettings settingsParse() {
        return ContractSettingsParser.parse(config);
    }

    @Benchmark
    public List<String> rolesClaimUser() {
        return RolesClaim.compute(resolvedRoles, defaultRole, false, settings.serviceOnlyRoles(), settings.roleAliases());
    }

    @Benchmark
    public String scopeClaimUser() {
        return ScopeClaim.userScope(grantedScope, settings.requiredScope());
    }

    @Benchmark
    public List<String> amrPassword() {
        return AmrClaim.compute(completedPassword, authenticatorOf);
    }

    @Benchmark
    public List<String> amrPasswordOtp() {
        return AmrClaim.compute(completedPasswordOtp, authenticatorOf);
    }

    /** Everything pure that one user token costs: parse the config, roles, scope, amr. */
    @Benchmark
    public void perUserToken(Blackhole bh) {
        ContractSettings s = ContractSettingsParser.parse(config);
        bh.consume(RolesClaim.compute(resolvedRoles, defaultRole, false, s.serviceOnlyRoles(), s.roleAliases()));
        bh.consume(ScopeClaim.userScope(grantedScope, s.requiredScope()));
        bh.consume(AmrClaim.compute(completedPassword, authenticatorOf));
    }

    /** Everything pure that one client-credentials token costs: parse the config and roles. */
    @Benchmark
    public void perServiceToken(Blackhole bh) {
        ContractSettings s = ContractSettingsParser.parse(config);
        bh.consume(RolesClaim.compute(resolvedRoles, defaultRole, true, s.serviceOnlyRoles(), s.roleAliases()));
    }
}
