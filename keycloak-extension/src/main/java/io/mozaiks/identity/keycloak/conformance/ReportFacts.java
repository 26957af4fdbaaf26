package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.email.RealmCollisionScan;

import java.util.List;

/**
 * Everything the conformance report judges, read from Keycloak by {@link RealmFacts}; a unit test makes one by
 * hand. Every list of names is bounded by {@link RealmFacts#MAX_NAMES}.
 *
 * @param settings                           the counting contract mapper's config
 * @param audienceClients                    the login switches of each API audience client
 * @param signingKeyType                     the active signing key's type for {@code signingAlgorithm}, {@code null} if none
 * @param serverWideIntrospection            the server answers introspection without audience check
 * @param clientsWithoutIntrospectionAudience clients that switched introspection's audience check off
 * @param strayContractMappers               contract mappers that do nothing
 * @param humanServiceRoleHolders            users and groups holding a service-only role
 * @param clientsWithoutOwnAudience          clients whose tokens may carry no {@code aud}
 * @param apiAudienceOutsideContract         where tokens without the contract scope get the API audience
 * @param scopeOnConsent                     the contract scope is shown on the consent screen
 * @param contractClients                    the contract clients with their mappers, by client id
 * @param emailNameValidator                 the user profile's email attribute has the unique-core-username validator
 * @param emailNameScan                      users sharing the part of their email before {@code @} (bounded scan)
 * @param tokenSize                          the largest access token of each contract client, and the realm's budget
 * @param audit                              the last changes of the privilege settings the admin-events store shows
 * @param dpopPolicies                       enabled client policies that can bind access tokens with DPoP
 */
public record ReportFacts(String realm, String scopeName, ContractSettings settings, PrivilegeFacts privileges,
                          List<Checks.AudienceClient> audienceClients, String signingAlgorithm, String signingKeyType,
                          boolean serverWideIntrospection, List<String> clientsWithoutIntrospectionAudience,
                          List<String> strayContractMappers, List<String> humanServiceRoleHolders,
                          List<String> clientsWithoutOwnAudience, List<String> apiAudienceOutsideContract,
                          boolean scopeOnConsent, ContractClients clients, List<ContractClient> contractClients,
                          boolean emailNameValidator, RealmCollisionScan.Result emailNameScan, TokenSizeFacts tokenSize,
                          AuditFacts audit, List<ProofOfPossessionChecks.DpopPolicy> dpopPolicies) {

    /**
     * A contract client and the mappers that act on its tokens.
     *
     * @param appliedMappers its own OIDC mappers and those of its Default and Optional scopes, without the contract mapper
     * @param claimWriters   those of them that write a claim the contract owns or strips, or a case variant of a read name
     * @param dpopBound      its attribute {@link ProofOfPossessionChecks#DPOP_CLIENT_ATTRIBUTE} is {@code true}
     */
    public record ContractClient(ClientFacts client, List<Checks.AppliedMapper> appliedMappers,
                                 List<ClientClaimChecks.ClaimWriter> claimWriters, boolean dpopBound) {
    }
}
