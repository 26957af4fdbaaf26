package io.mozaiks.identity.keycloak.endpoint;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One request to a contract resource after the gate (route known, realm enabled, admin allowed, contract found):
 * what every resource behind it reads.
 *
 * @param issuer               the realm's frontend issuer, by Keycloak's own URL logic
 * @param issuerFollowsRequest whether that issuer follows the request's Host / X-Forwarded headers ({@link IssuerPolicy})
 */
record ContractRequest(KeycloakSession session, RealmModel realm, ContractLookup.CountingMapper contract, String issuer,
                       boolean issuerFollowsRequest) {
}
