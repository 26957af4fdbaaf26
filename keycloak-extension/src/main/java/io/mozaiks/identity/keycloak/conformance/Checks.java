package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The conformance checks, each a pure function over small facts that {@link ConformanceReport} reads
 * from Keycloak's public models. Unit-tested without a server; ids and fix texts are documented.
 */
public final class Checks {

    public static final String CONTRACT_SCOPE = "contract-scope";
    public static final String AUDIENCE_CLIENT = "audience-client";
    public static final String SIGNING_KEY = "signing-key-rs256";
    public static final String INTROSPECTION_AUDIENCE = "introspection-audience-check";
    public static final String HOSTNAME = "hostname-configured";
    public static final String DEFAULT_SCOPE = "contract-scope-default";
    public static final String NO_LATER_MAPPER = "no-later-mapper";
    public static final String CLIENT_SIGNING = "client-access-token-rs256";

    /** Client attribute and server option that switch introspection's audience check off (KC 26.4.12+). */
    public static final String INTROSPECTION_CLIENT_ATTRIBUTE = "allow.token.introspection.without.audience.check";
    public static final String INTROSPECTION_SERVER_OPTION = "spi-login-protocol--openid-connect--allow-token-introspection-without-audience-check";

    private Checks() {
    }

    /** The login-relevant switches of the audience client. */
    public record AudienceClient(String clientId, boolean exists, boolean standardFlow, boolean implicitFlow,
                                 boolean directGrants, boolean serviceAccount, boolean deviceGrant, boolean ciba,
                                 boolean tokenExchange) {
    }

    /** A protocol mapper that applies to a client's tokens (its own or from one of its client scopes). */
    public record AppliedMapper(String name, String providerId, int priority, String source) {
    }

    /**
     * The counting contract mapper's config (the report exists only when there is one; other contract
     * mappers are {@link PrivilegeChecks#singleContractMapper}'s).
     */
    public static Check contractScope(String scopeName, ContractSettings settings) {
        if (!settings.problems().isEmpty()) {
            return Check.fail(CONTRACT_SCOPE, scopeName, "contract mapper config is invalid: "
                            + settings.problems().stream().map(Object::toString).collect(Collectors.joining("; ")),
                    "Edit the mapper in client scope " + scopeName + " and correct the listed settings");
        }
        return Check.pass(CONTRACT_SCOPE, scopeName);
    }

    public static Check audienceClient(AudienceClient c) {
        if (!c.exists()) {
            return Check.fail(AUDIENCE_CLIENT, c.clientId(), "audience client " + c.clientId() + " does not exist",
                    "Create a confidential client " + c.clientId() + " with every flow and the service account switched off");
        }
        List<String> on = new ArrayList<>();
        if (c.standardFlow()) on.add("standard flow");
        if (c.implicitFlow()) on.add("implicit flow");
        if (c.directGrants()) on.add("direct access grants");
        if (c.deviceGrant()) on.add("device authorization grant");
        if (c.ciba()) on.add("CIBA");
        if (c.tokenExchange()) on.add("standard token exchange");
        if (c.serviceAccount()) on.add("service account");
        if (!on.isEmpty()) {
            return Check.fail(AUDIENCE_CLIENT, c.clientId(), "audience client " + c.clientId()
                            + " can obtain tokens itself: " + String.join(", ", on) + " enabled",
                    "In client " + c.clientId() + " switch off: " + String.join(", ", on)
                            + " (the audience client only receives tokens and may introspect)");
        }
        return Check.pass(AUDIENCE_CLIENT, c.clientId());
    }

    /**
     * @param algorithm the realm's default signature algorithm
     * @param keyType   the active signing key's type for it ({@code RSA}, {@code EC}, ...) or {@code null} if none
     */
    public static Check signingKey(String algorithm, String keyType) {
        String alg = algorithm == null || algorithm.isBlank() ? "RS256" : algorithm;
        if (!"RS256".equals(alg) || !"RSA".equals(keyType)) {
            return Check.fail(SIGNING_KEY, "realm", "tokens are signed with " + alg
                            + (keyType == null ? " and no active key exists" : " (" + keyType + " key)")
                            + "; mozaiks-core loads RSA keys only and both consumers expect RS256",
                    "Realm settings > Tokens: set Default signature algorithm to RS256 and keep an active RSA key (rsa-generated)");
        }
        return Check.pass(SIGNING_KEY, "realm");
    }

    public static Check introspection(boolean serverWide, List<String> clientsWithoutAudienceCheck) {
        if (serverWide) {
            return Check.fail(INTROSPECTION_AUDIENCE, "realm", "the server answers introspection without audience check",
                    "Remove the server option --" + INTROSPECTION_SERVER_OPTION + " (or set it to false)");
        }
        if (!clientsWithoutAudienceCheck.isEmpty()) {
            return Check.fail(INTROSPECTION_AUDIENCE, "realm", "clients introspect without audience check: "
                            + String.join(", ", clientsWithoutAudienceCheck),
                    "Remove the client attribute " + INTROSPECTION_CLIENT_ATTRIBUTE + " (or set it to false) on those clients");
        }
        return Check.pass(INTROSPECTION_AUDIENCE, "realm");
    }

    public static Check hostname(boolean issuerFollowsRequest) {
        if (issuerFollowsRequest) {
            return Check.fail(HOSTNAME, "realm", "hostname is not configured as a full URL: the issuer follows the"
                            + " request's Host/X-Forwarded headers",
                    "Start Keycloak with --hostname=<public base URL> (e.g. https://auth.example.com), or set the realm's Frontend URL");
        }
        return Check.pass(HOSTNAME, "realm");
    }

    /**
     * @param assignment {@code "default"}, {@code "optional"} or {@code null} (not assigned)
     * @param why        why this client must carry the contract scope (for the reason text)
     */
    public static Check defaultScope(String clientId, String scopeName, String assignment, String why) {
        if ("default".equals(assignment)) {
            return Check.pass(DEFAULT_SCOPE, clientId);
        }
        String state = assignment == null ? "is not assigned" : "is only an Optional scope";
        return Check.fail(DEFAULT_SCOPE, clientId, "client scope " + scopeName + " " + state + " (" + why
                        + "), so its tokens miss the API audience and the contract claims",
                "Clients > " + clientId + " > Client scopes: add " + scopeName + " as Default");
    }

    /** A mapper that runs at or after the contract mapper can rewrite what it set. */
    public static Check noLaterMapper(String clientId, int contractPriority, List<AppliedMapper> mappers) {
        List<String> later = mappers.stream().filter(m -> m.priority() >= contractPriority)
                .map(m -> m.name() + " (" + m.providerId() + ", priority " + m.priority() + ", in " + m.source() + ")")
                .collect(Collectors.toList());
        if (!later.isEmpty()) {
            return Check.fail(NO_LATER_MAPPER, clientId, "mappers run after the contract mapper and may rewrite its claims: "
                            + String.join("; ", later),
                    "Remove those mappers from client " + clientId + " and its client scopes, or move their claims into the contract");
        }
        return Check.pass(NO_LATER_MAPPER, clientId);
    }

    /** @param accessTokenAlgorithm the client attribute {@code access.token.signed.response.alg} (blank = realm default) */
    public static Check clientSigning(String clientId, String accessTokenAlgorithm) {
        if (accessTokenAlgorithm != null && !accessTokenAlgorithm.isBlank() && !"RS256".equals(accessTokenAlgorithm)) {
            return Check.fail(CLIENT_SIGNING, clientId, "client signs access tokens with " + accessTokenAlgorithm,
                    "Clients > " + clientId + " > Advanced > Access token signature algorithm: RS256 (or empty)");
        }
        return Check.pass(CLIENT_SIGNING, clientId);
    }
}
