package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.build.ProviderBuild;
import io.mozaiks.identity.contractenv.WellKnown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /realms/{realm}/mozaiks/contract} (docs/contracts/contract-endpoint-v1.md),
 * built from already-resolved facts. Pure: no Keycloak types, so unit tests pin the shape.
 *
 * <p>It names no client other than the audience and holds nothing a token of the realm does not
 * already reveal (no app-id attribute name, no client list, no secrets).
 */
public final class ContractDocument {

    /** Claims every user access token carries. */
    public static final List<String> USER_CLAIMS = List.of("iss", "aud", "azp", "sub", "exp", "iat",
            "preferred_username", Contract.CLAIM_SCOPE, Contract.CLAIM_SCP, Contract.CLAIM_ROLES,
            Contract.CLAIM_TENANT);
    /** Claims a user access token carries only when their condition holds (see the docs). */
    public static final Map<String, String> USER_CONDITIONAL_CLAIMS = ordered(
            "name", "the user has a first or last name",
            "email", "the user's email is verified",
            Contract.CLAIM_AMR, "the login's authenticators map to RFC 8176 values",
            Contract.CLAIM_APP_ID, "the client has the app-id attribute set");
    /** Claims every service (client-credentials) access token carries. */
    public static final List<String> SERVICE_CLAIMS = List.of("iss", "aud", "azp", "sub", "exp", "iat",
            Contract.CLAIM_ROLES, Contract.CLAIM_TENANT);
    public static final Map<String, String> SERVICE_CONDITIONAL_CLAIMS = ordered(
            Contract.CLAIM_APP_ID, "the client has the app-id attribute set");
    /** Never in a service token: .NET InternalBearer refuses any token with a scope. */
    public static final List<String> SERVICE_ABSENT_CLAIMS = List.of(Contract.CLAIM_SCOPE, Contract.CLAIM_SCP,
            Contract.CLAIM_AMR);

    private ContractDocument() {
    }

    /**
     * What the document is made of.
     *
     * @param realm            the realm name
     * @param issuer           the realm issuer, from Keycloak's frontend URL logic
     * @param settings         the contract mapper's parsed config
     * @param signingAlgorithm the realm's default signature algorithm
     * @param warnings         operator-facing warnings (e.g. the issuer follows request headers)
     */
    public record Facts(String realm, String issuer, ContractSettings settings, String signingAlgorithm,
                        List<String> warnings) {
    }

    public static String jwksUri(String issuer) {
        return WellKnown.jwksUrl(issuer);
    }

    public static String discoveryUrl(String issuer) {
        return WellKnown.discoveryUrl(issuer);
    }

    /** The tenant value tokens carry, or {@code null} when the config is broken (then {@code tid} is omitted). */
    public static String tenant(Facts facts) {
        ContractSettings settings = facts.settings();
        if (settings.hasProblem(ContractSettings.TENANT)) {
            return null;
        }
        return settings.tenant() != null ? settings.tenant() : facts.realm();
    }

    /** The ONE audience both consumers are configured with: the first configured audience client. */
    public static String primaryAudience(ContractSettings settings) {
        return settings.audiences() == null || settings.audiences().isEmpty() ? null : settings.audiences().get(0);
    }

    public static Map<String, Object> build(Facts facts) {
        ContractSettings settings = facts.settings();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("contract_version", Contract.VERSION);
        // Which build of the provider answers (not part of the token contract; docs/configuration.md).
        doc.put("provider_version", ProviderBuild.current().providerVersion());
        doc.put("realm", facts.realm());
        doc.put("issuer", facts.issuer());
        doc.put("jwks_uri", jwksUri(facts.issuer()));
        doc.put("discovery_url", discoveryUrl(facts.issuer()));
        doc.put("signing_algorithm", facts.signingAlgorithm());
        doc.put("audience", primaryAudience(settings));
        doc.put("audiences", settings.audiences() == null ? List.of() : settings.audiences());
        doc.put("required_scope", settings.requiredScope());

        Map<String, Object> scopes = new LinkedHashMap<>();
        scopes.put("claims", List.of(Contract.CLAIM_SCP, Contract.CLAIM_SCOPE));
        scopes.put("shape", "one space-separated string (scp equals scope)");
        doc.put("scopes", scopes);

        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("claim", Contract.CLAIM_ROLES);
        roles.put("shape", "flat JSON array of realm role names");
        doc.put("roles", roles);

        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("claim", Contract.CLAIM_TENANT);
        tenant.put("value", tenant(facts));
        doc.put("tenant", tenant);

        doc.put("user_token", tokenShape(USER_CLAIMS, USER_CONDITIONAL_CLAIMS, List.of()));
        doc.put("service_token", tokenShape(SERVICE_CLAIMS, SERVICE_CONDITIONAL_CLAIMS, SERVICE_ABSENT_CLAIMS));
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("read_names", List.copyOf(ReadClaimNames.ALL));
        names.put("stripped", Contract.STRIPPED_CLAIMS);
        names.put("rule", "a claim whose name equals a read name ignoring case but not exactly is never in a contract"
                + " token (the .NET consumer reads claim names ignoring case)");
        doc.put("claim_names", names);

        List<String> warnings = new ArrayList<>(facts.warnings());
        // Only the key: config values stay out of a public document (the admin report has the details).
        settings.problems().stream().map(ContractSettings.Problem::key).distinct().forEach(key -> warnings.add(
                "contract mapper setting " + key + " is invalid; the claims it feeds are omitted from tokens"
                        + " (details: the admin conformance report)"));
        doc.put("warnings", warnings);
        return doc;
    }

    private static Map<String, Object> tokenShape(List<String> always, Map<String, String> conditional,
                                                  List<String> absent) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("claims", always);
        shape.put("conditional_claims", conditional);
        shape.put("absent_claims", absent);
        return shape;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
