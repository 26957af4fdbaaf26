package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.ReadClaimNames;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which claim a client's mappers write, when that claim is one the contract owns or strips, or a case variant
 * of a name a consumer reads (contract 1.2: mozaiks-platform finds claims ignoring case). Read from the mapper
 * config the way Keycloak's own mappers name their claim ({@code claim.name}, a dot path). Pure: {@link RealmFacts}
 * hands in each mapper's provider and config.
 */
final class MapperClaims {

    /**
     * Exact claims a foreign mapper must not write: STRIPPED and OWNED ones and the fields Keycloak sets itself
     * ({@code sub}, {@code azp}, {@code aud}, {@code iss}, ...; Keycloak's own sub mapper names no claim, so it is
     * not counted); the profile fields are the stock scopes' job and are overwritten anyway.
     */
    static final Set<String> CHECKED = claimsChecked();
    /** Keycloak's stock client scopes whose role and acr mappers only warn: their output is stripped or owned anyway. */
    static final Set<String> STOCK_SCOPES = Set.of("roles", "acr");
    private static final Set<String> STOCK_PROVIDERS = Set.of("oidc-usermodel-realm-role-mapper",
            "oidc-usermodel-client-role-mapper", "oidc-audience-resolve-mapper", "oidc-acr-mapper");

    private MapperClaims() {
    }

    private static Set<String> claimsChecked() {
        Set<String> claims = new java.util.HashSet<>(Contract.STRIPPED_CLAIMS);
        claims.addAll(List.of(Contract.CLAIM_SCOPE, Contract.CLAIM_SCP, Contract.CLAIM_ROLES, Contract.CLAIM_TENANT,
                Contract.CLAIM_AMR, Contract.CLAIM_APP_ID));
        claims.addAll(ReadClaimNames.KEYCLOAK_FIELDS);
        return Set.copyOf(claims);
    }

    /**
     * The claim writer a mapper is, if it writes a checked claim or a case variant of a read name.
     *
     * @param stockScope the mapper sits in Keycloak's stock {@code roles} or {@code acr} client scope
     */
    static Optional<ClientClaimChecks.ClaimWriter> writer(String mapperName, String providerId, Map<String, String> config,
                                                          String source, boolean stockScope, List<String> apiAudiences) {
        if (ContractMapper.PROVIDER_ID.equals(providerId)) {
            return Optional.empty();
        }
        String claim = writtenClaim(providerId, config, apiAudiences);
        if (claim == null) {
            return Optional.empty();
        }
        // A stock scope's mapper renamed to a case variant is no longer Keycloak's default: it fails like any other.
        boolean stock = stockScope && STOCK_PROVIDERS.contains(providerId) && CHECKED.contains(claim);
        return Optional.of(new ClientClaimChecks.ClaimWriter(mapperName, providerId, claim, source, stock));
    }

    /** The checked top-level claim a mapper writes, or {@code null}. */
    static String writtenClaim(String providerId, Map<String, String> config, List<String> apiAudiences) {
        Map<String, String> cfg = config == null ? Map.of() : config;
        if ("oidc-audience-mapper".equals(providerId)) {
            String audience = cfg.getOrDefault("included.client.audience", cfg.get("included.custom.audience"));
            return apiAudiences != null && audience != null && apiAudiences.contains(audience) ? "aud (" + audience + ")" : null;
        }
        if ("oidc-acr-mapper".equals(providerId)) {
            return "acr";
        }
        if ("oidc-amr-mapper".equals(providerId)) {
            return Contract.CLAIM_AMR;
        }
        String path = cfg.get("claim.name");
        if (path == null && "oidc-usermodel-realm-role-mapper".equals(providerId)) {
            path = "realm_access.roles";
        }
        if (path == null && "oidc-usermodel-client-role-mapper".equals(providerId)) {
            path = "resource_access.${client_id}.roles";
        }
        if (path == null) {
            return null;
        }
        String top = topLevel(path);
        if (CHECKED.contains(top)) {
            return top;
        }
        return ReadClaimNames.isCaseVariant(top)
                ? top + " (read as " + ReadClaimNames.readNameOf(top).orElseThrow() + " by mozaiks-platform)" : null;
    }

    /** The first segment of a claim path; {@code \.} escapes a dot, as in Keycloak's own mappers. */
    static String topLevel(String path) {
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
                top.append('.');
                i++;
            } else if (c == '.') {
                break;
            } else {
                top.append(c);
            }
        }
        return top.toString().trim();
    }
}
