package io.mozaiks.identity.bench.jmh;

import io.mozaiks.identity.bench.BenchData;
import io.mozaiks.identity.keycloak.claims.RolesClaim;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** The roles claim, the part of the mapper's work that grows with the user's roles, at 10 to 1000 roles. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoleCurveBenchmark {

    @Param({"10", "50", "200", "1000"})
    public int roles;

    private List<String> resolvedRoles;
    private Map<String, String> realmAttributes;
    private Map<String, String> config;
    private String defaultRole;

    @Setup
    public void setUp() {
        resolvedRoles = IntStream.rangeClosed(1, roles).mapToObj(i -> String.format(Locale.ROOT, "curve-role-%04d", i)).toList();
        realmAttributes = BenchData.realmAttributes();
        config = BenchData.contractMapperConfig();
        defaultRole = BenchData.defaultRole();
    }

    @Benchmark
    public List<String> rolesClaimAtRoles() {
        PrivilegeSettings p = PrivilegeSettingsCache.get(realmAttributes, config);
        return RolesClaim.compute(resolvedRoles, defaultRole, false, p::isServiceOnly, p.roleAliases());
    }
}
