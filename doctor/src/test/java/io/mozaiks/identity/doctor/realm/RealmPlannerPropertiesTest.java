package io.mozaiks.identity.doctor.realm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's invariants over realms with arbitrary mappers on the named clients and their scopes: applying the
 * plan leaves nothing to plan, and afterwards no named client gets a mapper that writes a checked claim (the
 * conformance rule, {@link ClaimWriters}), while it carries the contract scope as Default.
 */
class RealmPlannerPropertiesTest {

    private static final List<String> CLAIMS = List.of("roles", "Roles", "ROLES", "scp", "SCP", "tid", "amr", "app_id", "aud",
            "realm_access.roles", "resource_access.x.roles", "email", "Email", "preferred_username", "given_name", "team",
            "user_id", "is_superadmin", "sub", "plan", "custom\\.roles", "ſcp", "groups");
    private static final List<String> PROVIDERS = List.of("oidc-hardcoded-claim-mapper", "oidc-usermodel-attribute-mapper",
            "oidc-usermodel-realm-role-mapper", "oidc-audience-mapper", "oidc-acr-mapper", "oidc-amr-mapper",
            ContractNames.MAPPER_PROVIDER);

    @Provide
    Arbitrary<List<RealmSnapshot.Mapper>> mappers() {
        Arbitrary<RealmSnapshot.Mapper> mapper = Combinators.combine(Arbitraries.of(PROVIDERS), Arbitraries.of(CLAIMS),
                        Arbitraries.integers().between(0, 9999))
                .as((provider, claim, n) -> new RealmSnapshot.Mapper("m" + n, "mapper " + n, "openid-connect", provider,
                        provider.equals("oidc-audience-mapper") ? Map.of("included.client.audience", n % 2 == 0 ? "mozaiks-api" : "other")
                                : Map.of("claim.name", claim)));
        return mapper.list().ofMaxSize(5).uniqueElements(RealmSnapshot.Mapper::id);
    }

    @Property(tries = 300)
    void planningAgainAfterApplyingPlansNothing(@ForAll("mappers") List<RealmSnapshot.Mapper> clientMappers,
                                                @ForAll("mappers") List<RealmSnapshot.Mapper> scopeMappers,
                                                @ForAll boolean optional, @ForAll boolean withScope, @ForAll boolean withService) {
        List<RealmSnapshot.Scope> scopes = new ArrayList<>(List.of(Shapes.BASIC, Shapes.ACR, Shapes.ROLES, Shapes.PROFILE));
        scopes.add(new RealmSnapshot.Scope("s-custom", "custom", "openid-connect", Map.of(), scopeMappers));
        if (withScope) {
            scopes.add(new RealmSnapshot.Scope("s-contract", ContractNames.CONTRACT_SCOPE, "openid-connect", Map.of(),
                    scopeMappers.stream().map(m -> new RealmSnapshot.Mapper("c" + m.id(), m.name(), m.protocol(), m.providerId(),
                            m.config())).toList()));
        }
        List<String> scopeNames = List.of("basic", "acr", "roles", "profile", "custom");
        RealmSnapshot.Client app = new RealmSnapshot.Client("c-app", "app", true, false, !withService,
                new RealmSnapshot.Flows(true, false, true, withService), Map.of(), clientMappers,
                optional ? List.of("basic") : scopeNames, optional ? scopeNames : List.of(), Set.of(), false);
        RealmSnapshot realm = new RealmSnapshot("r", Map.of(), Set.of("user"), List.of(app), scopes);
        DeployRequest request = new DeployRequest(List.of("app"), withService ? List.of("app") : List.of(), "app-1",
                null, null, null, null);

        RealmSnapshot applied = PlanSimulator.apply(realm, RealmPlanner.plan(realm, request));

        assertThat(RealmPlanner.plan(applied, request).changes()).isEmpty();
        RealmSnapshot.Client after = applied.client("app").orElseThrow();
        assertThat(after.defaultScopes()).contains(ContractNames.CONTRACT_SCOPE);
        List<RealmSnapshot.Mapper> effective = new ArrayList<>(after.mappers());
        for (String name : concat(after.defaultScopes(), after.optionalScopes())) {
            applied.scope(name).filter(s -> !s.name().equals("acr")).ifPresent(s -> effective.addAll(s.mappers()));
        }
        assertThat(effective).noneMatch(m -> ClaimWriters.writtenClaim(m, List.of("mozaiks-api")).isPresent());
        assertThat(effective).filteredOn(m -> ContractNames.MAPPER_PROVIDER.equals(m.providerId())).hasSize(1);
        assertThat(after.serviceAccountRoles().contains("internal_service")).isEqualTo(withService);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
