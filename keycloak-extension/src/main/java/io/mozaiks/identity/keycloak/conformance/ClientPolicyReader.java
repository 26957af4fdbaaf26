package io.mozaiks.identity.keycloak.conformance;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the realm's and the global client policies for those that bind access tokens with DPoP. */
final class ClientPolicyReader {
    private ClientPolicyReader() {
    }

    /**
     * Enabled client policies (the realm's and global ones) with a profile (the realm's or a global one, such as
     * fapi-2-dpop-security-profile) that has the {@code dpop-bind-enforcer} executor. A policy that cannot be read
     * is reported as such rather than skipped: an unreadable policy may still bind tokens.
     */
    static List<ProofOfPossessionChecks.DpopPolicy> dpopPolicies(KeycloakSession session, RealmModel realm) {
        ClientPoliciesRepresentation policies;
        ClientProfilesRepresentation profiles;
        try {
            policies = session.clientPolicy().getClientPolicies(realm, true);
            profiles = session.clientPolicy().getClientProfiles(realm, true);
        } catch (ClientPolicyException | RuntimeException e) {
            return List.of(new ProofOfPossessionChecks.DpopPolicy("(unreadable client policies)", "?",
                    List.of("could not read them: " + e.getMessage())));
        }
        Set<String> dpopProfiles = new LinkedHashSet<>();
        Stream.concat(nullSafe(profiles == null ? null : profiles.getProfiles()).stream(),
                        nullSafe(profiles == null ? null : profiles.getGlobalProfiles()).stream())
                .filter(profile -> nullSafe(profile.getExecutors()).stream()
                        .anyMatch(e -> ProofOfPossessionChecks.DPOP_EXECUTOR.equals(e.getExecutorProviderId())))
                .forEach(profile -> dpopProfiles.add(profile.getName()));
        List<ProofOfPossessionChecks.DpopPolicy> found = new ArrayList<>();
        Stream.concat(nullSafe(policies == null ? null : policies.getPolicies()).stream(),
                        nullSafe(policies == null ? null : policies.getGlobalPolicies()).stream())
                .filter(policy -> Boolean.TRUE.equals(policy.isEnabled()))
                .forEach(policy -> nullSafe(policy.getProfiles()).stream().filter(dpopProfiles::contains).findFirst()
                        .ifPresent(profile -> found.add(new ProofOfPossessionChecks.DpopPolicy(policy.getName(), profile,
                                nullSafe(policy.getConditions()).stream()
                                        .map(ClientPolicyConditionRepresentation::getConditionProviderId).toList()))));
        return found.size() <= RealmFacts.MAX_NAMES ? found : List.copyOf(found.subList(0, RealmFacts.MAX_NAMES));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
