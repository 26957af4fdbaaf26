package io.mozaiks.identity.keycloak.email;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Objects;

/**
 * The token-time collision check: does another user of the realm have an email that gives core the same name?
 * One exact lookup of {@link CoreUsernameAttribute} (the JPA store: {@code name = ? and value = ?}, index
 * {@code IDX_USER_ATTRIBUTE_NAME}), then every hit's CURRENT email is compared: a stale attribute (a user who
 * changed their email and has had no token since) does not count, a hit whose email really collides does.
 *
 * <p>Used only for a user whose attribute is in step with their email ({@link TokenEmail}): that user's first
 * token since then searched the realm by email and synced every collider it found, and any collider since has
 * taken that search path itself at its first token and synced its own attribute, so the lookup finds it.
 */
public final class SyncedNameLookup {

    /** More hits than this (many stale attributes of one name) count as a collision: fail closed, bounded work. */
    static final int MAX_HITS = 200;

    private SyncedNameLookup() {
    }

    /**
     * @param user a user whose attribute was just synced to {@code email}
     * @return true when another (non-service-account) user's current email gives core the same name, or when the
     *         hits exceed {@link #MAX_HITS}
     */
    public static boolean anotherUserHasTheName(KeycloakSession session, RealmModel realm, UserModel user, String email) {
        String value = CoreUsernameAttribute.valueFor(email);
        if (value == null) {
            return false;
        }
        List<UserModel> hits = session.users()
                .searchForUserByUserAttributeStream(realm, CoreUsernameAttribute.NAME, value)
                .limit(MAX_HITS + 1L).toList();
        if (hits.size() > MAX_HITS) {
            return true;
        }
        return hits.stream().anyMatch(hit -> !Objects.equals(hit.getId(), user.getId())
                && hit.getServiceAccountClientLink() == null
                && CoreUsername.sameName(email, hit.getEmail()));
    }
}
