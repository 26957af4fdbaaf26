package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractV1;
import io.mozaiks.identity.keycloak.contract.ReadClaimNames;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which claim a client's mappers write, when that claim is one the contract owns or strips, or a case variant
 * of a name a consumer reads (contract 1.2: mozaiks-platform finds claims ignoring case). Read from the mapper
 * config the way Keycloak's own mappers name their claim ({@code claim.name}, a dot path).
 */
final class MapperClaims {

    /**
     * Exact claims a foreign mapper must not write: STRIPPED and OWNED ones and the fields Keycloak sets itself
     * ({@code sub}, {@code azp}, {@code aud}, {@code iss}, ...; Keycloak's own sub mapper names no claim, so it is
     * not counted); the profile fields are the stock scopes' job and are overwritten anyway.
     */
    static final Set<String> CHECKED = claimsChecked();
    private static final Set<String> STOCK_SCOPES = Set.of("roles", "acr");
    private static final Set<String> STOCK_PROVIDERS = Set.of("oidc-usermodel-realm-role-mapper",
            "oidc-usermodel-client-role-mapper", "oidc-audience-resolve-mapper", "oidc-acr-mapper");

    private MapperClaims() {
    }

    private static Set<String> claimsChecked() {
        Set<String> claims = new java.util.HashSet<>(ContractV1.STRIPPED_CLAIMS);
        claims.addAll(List.of(ContractV1.CLAIM_SCOPE, ContractV1.CLAIM_SCP, ContractV1.CLAIM_ROLES, ContractV1.CLAIM_TENANT,
                ContractV1.CLAIM_AMR, ContractV1.CLAIM_APP_ID));
        claims.addAll(ReadClaimNames.KEYCLOAK_FIELDS);
        return Set.copyOf(claims);
    }

    static List<ClientClaimChecks.ClaimWriter> writers(ClientModel client, List<String> apiAudiences) {
        List<ClientClaimChecks.ClaimWriter> writers = new ArrayList<>();
        client.getProtocolMappersStream().forEach(m -> add(writers, m, "client " + client.getClientId(), false, apiAudiences));
        Stream.concat(client.getClientScopes(true).values().stream(), client.getClientScopes(false).values().stream())
                .forEach((ClientScopeModel scope) -> scope.getProtocolMappersStream().forEach(m -> add(writers, m,
                        "client scope " + scope.getName(), STOCK_SCOPES.contains(scope.getName()), apiAudiences)));
        return writers;
    }

    private static void add(List<ClientClaimChecks.ClaimWriter> writers, ProtocolMapperModel mapper, String source,
                            boolean stockScope, List<String> apiAudiences) {
        if (ContractMapper.PROVIDER_ID.equals(mapper.getProtocolMapper())) {
            return;
        }
        String claim = writtenClaim(mapper.getProtocolMapper(), mapper.getConfig(), apiAudiences);
        if (claim != null) {
            // A stock scope's mapper renamed to a case variant is no longer Keycloak's default: it fails like any other.
            boolean stock = stockScope && STOCK_PROVIDERS.contains(mapper.getProtocolMapper()) && CHECKED.contains(claim);
            writers.add(new ClientClaimChecks.ClaimWriter(mapper.getName(), mapper.getProtocolMapper(), claim, source, stock));
        }
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
            return ContractV1.CLAIM_AMR;
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
