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
 * <p>Why an attribute lookup is enough: a user presents an email to core only in a token, and every token first
 * syncs its own user's attribute ({@link TokenEmail}). So when the second of two colliding users gets a token,
 * the first one's attribute already holds the name, if the first ever presented it. Users that have had no token
 * since this version was deployed have no attribute: their tokens issued before the upgrade are the window (they
 * live until they expire, the realm's access token lifespan), and so is a name such an idle user presented to core
 * before the upgrade (docs/security.md; conformance lists every pair). A user that cannot be written (a
 * read-only federated user) gets the realm search of {@link CollisionLookup} for their own tokens instead; others
 * do not find them through the attribute, so of such a pair only the writable user keeps the email.
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
