package io.mozaiks.identity.doctor.realm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which checked claim a protocol mapper writes: the rule of the extension's conformance ({@code MapperClaims}),
 * applied by the planner before conformance would fail. Names that only the contract decides or strips, the fields
 * Keycloak sets itself, and any case variant of a name a consumer reads ({@code Roles}, {@code SCP}).
 */
public final class ClaimWriters {

    static final Set<String> CHECKED = checked();

    private ClaimWriters() {
    }

    private static Set<String> checked() {
        Set<String> claims = new HashSet<>(ContractNames.STRIPPED_CLAIMS);
        claims.addAll(List.of("scope", "scp", "roles", "tid", "amr", "app_id"));
        claims.addAll(ContractNames.KEYCLOAK_FIELDS);
        return Set.copyOf(claims);
    }

    /** The claim {@code mapper} writes when it is one the contract checks; the contract mapper writes none here. */
    public static Optional<String> writtenClaim(RealmSnapshot.Mapper mapper, List<String> apiAudiences) {
        if (ContractNames.MAPPER_PROVIDER.equals(mapper.providerId())) {
            return Optional.empty();
        }
        Map<String, String> cfg = mapper.config();
        String provider = mapper.providerId() == null ? "" : mapper.providerId();
        switch (provider) {
            case "oidc-audience-mapper" -> {
                String audience = cfg.getOrDefault("included.client.audience", cfg.get("included.custom.audience"));
                return audience != null && apiAudiences.contains(audience) ? Optional.of("aud (" + audience + ")") : Optional.empty();
            }
            case "oidc-acr-mapper" -> {
                return Optional.of("acr");
            }
            case "oidc-amr-mapper" -> {
                return Optional.of("amr");
            }
            default -> {
                // fall through to the claim name
            }
        }
        String path = cfg.get("claim.name");
        if (path == null && "oidc-usermodel-realm-role-mapper".equals(provider)) {
            path = "realm_access.roles";
        }
        if (path == null && "oidc-usermodel-client-role-mapper".equals(provider)) {
            path = "resource_access.${client_id}.roles";
        }
        if (path == null) {
            return Optional.empty();
        }
        String top = topLevel(path);
        if (CHECKED.contains(top)) {
            return Optional.of(top);
        }
        return readNameOf(top).filter(read -> !read.equals(top)).map(read -> top + " (read as " + read + " by mozaiks-platform)");
    }

    /** A stock-scope mapper that conformance only warns about, and that the contract keeps harmless: the acr scope's. */
    static boolean keptStock(String scopeName, RealmSnapshot.Mapper mapper) {
        return "acr".equals(scopeName) && "oidc-acr-mapper".equals(mapper.providerId());
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

    /** The read name {@code name} folds to ({@code ReadClaimNames.fold}: lower(upper(c)) per code point). */
    static Optional<String> readNameOf(String name) {
        String folded = fold(name);
        return ContractNames.READ_NAMES.stream().filter(n -> fold(n).equals(folded)).findFirst();
    }

    static String fold(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }
}
