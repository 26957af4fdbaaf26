package io.mozaiks.identity.bench.jmh;

import io.mozaiks.identity.bench.BenchData;
import io.mozaiks.identity.keycloak.claims.AmrClaim;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.claims.ScopeClaim;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsCache;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsCache;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
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
// AverageTime is ns/op; SampleTime's median of single calls is the figure time-sharing with other
// processes hardly moves (a preemption hits few microsecond-long calls but every average).
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContractClaimsBenchmark {

    private List<String> resolvedRoles;
    private Map<String, String> config;
    private ContractSettings settings;
    private Map<String, String> realmAttributes;
    private PrivilegeSettings privileges;
    private String defaultRole;
    private String grantedScope;
    private Map<String, Integer> completedPassword;
    private Function<String, Optional<String>> authenticatorOf;

    @Setup
    public void setUp() {
        resolvedRoles = BenchData.resolvedRealmRoles();
        config = BenchData.contractMapperConfig();
        settings = ContractSettingsParser.parse(config);
        if (!settings.problems().isEmpty()) {
            throw new IllegalStateException("benchmark config has problems: " + settings.problems());
        }
        realmAttributes = BenchData.realmAttributes();
        privileges = PrivilegeSettingsParser.parse(realmAttributes, config);
        if (!privileges.valid()) {
            throw new IllegalStateException("benchmark privilege settings have problems: " + privileges.problems());
        }
        defaultRole = BenchData.defaultRole();
        grantedScope = BenchData.CONTRACT_SCOPE; // what a bench-contract token's scope holds before the mapper
        // As after the direct grant that started the bench user's session (username, then password).
        Map<String, String> executions = Map.of(
                "e-user", "direct-grant-validate-username",
                "e-pwd", "direct-grant-validate-password");
        authenticatorOf = id -> Optional.ofNullable(executions.get(id));
        completedPassword = Map.of("e-user", 1_760_000_000, "e-pwd", 1_760_000_000);
    }

    @Benchmark
    public ContractSettings settingsParse() {
        return ContractSettingsParser.parse(config);
    }

    /** What the mapper does per token since the cache: a map lookup by value. */
    @Benchmark
    public ContractSettings settingsCached() {
        return ContractSettingsCache.get(config);
    }

    /** The realm's privilege settings (contract 1.1), parsed. */
    @Benchmark
    public PrivilegeSettings privilegesParse() {
        return PrivilegeSettingsParser.parse(realmAttributes, config);
    }

    /** What the mapper does per token for the privilege settings: a map lookup by value. */
    @Benchmark
    public PrivilegeSettings privilegesCached() {
        return PrivilegeSettingsCache.get(realmAttributes, config);
    }

    @Benchmark
    public List<String> rolesClaimUser() {
        return RolesClaim.compute(resolvedRoles, defaultRole, false, privileges::isServiceOnly, privileges.roleAliases());
    }

    @Benchmark
    public String scopeClaimUser() {
        return ScopeClaim.userScope(grantedScope, settings.requiredScope());
    }

    @Benchmark
    public List<String> amrPassword() {
        return AmrClaim.compute(completedPassword, Integer.MIN_VALUE, authenticatorOf);
    }

    /** Everything pure that one user token costs in ContractMapper.setClaim: settings, roles, scope, amr. */
    @Benchmark
    public void perUserToken(Blackhole bh) {
        ContractSettings s = ContractSettingsCache.get(config);
        PrivilegeSettings p = PrivilegeSettingsCache.get(realmAttributes, config);
        bh.consume(RolesClaim.compute(resolvedRoles, defaultRole, false, p::isServiceOnly, p.roleAliases()));
        bh.consume(ScopeClaim.userScope(grantedScope, s.requiredScope()));
        bh.consume(AmrClaim.compute(completedPassword, Integer.MIN_VALUE, authenticatorOf));
    }

    /** Everything pure that one client-credentials token costs: settings and roles. */
    @Benchmark
    public void perServiceToken(Blackhole bh) {
        bh.consume(ContractSettingsCache.get(config));
        PrivilegeSettings p = PrivilegeSettingsCache.get(realmAttributes, config);
        bh.consume(RolesClaim.compute(resolvedRoles, defaultRole, true, p::isServiceOnly, p.roleAliases()));
    }
}
