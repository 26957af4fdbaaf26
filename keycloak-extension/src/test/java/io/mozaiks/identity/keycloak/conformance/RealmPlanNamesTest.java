package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.doctor.realm.ClaimWriters;
import io.mozaiks.identity.doctor.realm.ContractNames;
import io.mozaiks.identity.doctor.realm.RealmSnapshot;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.ReadClaimNames;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mozaiks-doctor's realm planner mirrors the extension's names and its conformance rule for foreign mappers
 * (the doctor runs without Keycloak on its class path): every mirrored constant equals the extension's, and the
 * planner's {@link ClaimWriters} names the same claim as conformance's {@link MapperClaims} for every mapper shape.
 */
class RealmPlanNamesTest {

    @Test
    void theMirroredNamesAreTheExtensions() {
        assertThat(ContractNames.VERSION).isEqualTo(Contract.VERSION);
        assertThat(ContractNames.CONTRACT_SCOPE).isEqualTo(Contract.CONTRACT_SCOPE);
        assertThat(ContractNames.MAPPER_PROVIDER).isEqualTo(ContractMapper.PROVIDER_ID);
        assertThat(ContractNames.MAPPER_NAME).isEqualTo(new ContractMapper().getDisplayType());
        assertThat(ContractNames.MAPPER_KEYS).containsExactly(ContractSettings.AUDIENCE, ContractSettings.REQUIRED_SCOPE,
                ContractSettings.TENANT, ContractSettings.APP_ID_ATTRIBUTE);
        assertThat(ContractNames.DEFAULT_AUDIENCE).isEqualTo(Contract.DEFAULT_AUDIENCE);
        assertThat(ContractNames.DEFAULT_REQUIRED_SCOPE).isEqualTo(Contract.DEFAULT_REQUIRED_SCOPE);
        assertThat(ContractNames.DEFAULT_APP_ID_ATTRIBUTE).isEqualTo(Contract.DEFAULT_APP_ID_ATTRIBUTE);
        assertThat(List.of(ContractNames.ROLE_ALIASES, ContractNames.SERVICE_ONLY_ROLES, ContractNames.INTERNAL_SERVICE_CLIENTS,
                ContractNames.CORE_ADMIN_ALIAS)).isEqualTo(PrivilegeSettings.ATTRIBUTES);
        assertThat(ContractNames.NO_ALIASES).isEqualTo(PrivilegeSettings.NO_ALIASES);
        assertThat(ContractNames.DEFAULT_ROLE_ALIASES).isEqualTo(Contract.DEFAULT_ROLE_ALIASES);
        assertThat(ContractNames.DEFAULT_SERVICE_ONLY_ROLES).isEqualTo(Contract.DEFAULT_SERVICE_ONLY_ROLES);
        assertThat(ContractNames.STRIPPED_CLAIMS).isEqualTo(Contract.STRIPPED_CLAIMS);
        assertThat(ContractNames.OWNED_CLAIMS).isEqualTo(Contract.OWNED_CLAIMS);
        assertThat(ContractNames.KEYCLOAK_FIELDS).isEqualTo(ReadClaimNames.KEYCLOAK_FIELDS);
        assertThat(ContractNames.READ_NAMES).containsExactlyElementsOf(ReadClaimNames.ALL);
        assertThat(ContractNames.STOCK_SCOPES).isEqualTo(MapperClaims.STOCK_SCOPES);
    }

    @Test
    void thePlannerNamesTheSameWrittenClaimAsConformance() {
        List<String> apis = List.of("mozaiks-api");
        List<Map<String, String>> configs = new ArrayList<>();
        for (String name : new ArrayList<>(ReadClaimNames.ALL)) {
            configs.add(Map.of("claim.name", name));
            configs.add(Map.of("claim.name", name.toUpperCase(java.util.Locale.ROOT)));
            configs.add(Map.of("claim.name", name + ".nested"));
            configs.add(Map.of("claim.name", name.replace("_", "\\.")));
        }
        configs.addAll(List.of(Map.of("claim.name", "ſcp"), Map.of("claim.name", " roles "), Map.of("claim.name", "team"),
                Map.of(), Map.of("included.client.audience", "mozaiks-api"), Map.of("included.custom.audience", "mozaiks-api"),
                Map.of("included.client.audience", "other")));
        List<String> providers = List.of("oidc-hardcoded-claim-mapper", "oidc-usermodel-realm-role-mapper",
                "oidc-usermodel-client-role-mapper", "oidc-audience-mapper", "oidc-acr-mapper", "oidc-amr-mapper",
                "oidc-audience-resolve-mapper", ContractMapper.PROVIDER_ID);
        int compared = 0;
        for (String provider : providers) {
            for (Map<String, String> config : configs) {
                String expected = MapperClaims.writtenClaim(provider, config, apis);
                String actual = ClaimWriters.writtenClaim(new RealmSnapshot.Mapper("id", "m", "openid-connect", provider, config), apis)
                        .orElse(null);
                if (ContractMapper.PROVIDER_ID.equals(provider)) {
                    assertThat(actual).as("the contract mapper is never a foreign writer").isNull();
                } else {
                    assertThat(actual).as(provider + " " + config).isEqualTo(expected);
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(500);
    }
}
