package io.mozaiks.identity.keycloak.email;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Optional;

/**
 * The {@code email} of a contract access token or introspection answer: verified, and not shared in its
 * core name with another user of the realm. mozaiks-core names a user by the part before {@code @}, so two users
 * with {@code alice@corp.example} and {@code ALICE@evil.example} would be one user there; neither gets an email
 * in its tokens while the other exists, and core names each by {@code sub}. Realms that already hold such pairs
 * (imports skip the user-profile validator) need no migration.
 *
 * <p>Two paths, so that the common token costs one indexed lookup and no collision is ever missed:
 * <ul>
 *   <li>The user's {@link CoreUsernameAttribute} is in step with their email: an earlier token of theirs searched
 *   the realm and found no collider without the attribute, so every collider since then has synced its own
 *   attribute (its first token takes the other path) and {@link SyncedNameLookup} finds it.</li>
 *   <li>Otherwise (first token since the upgrade, an email change, a read-only or empty-named user): the realm
 *   search by EMAIL ({@link CollisionLookup}), which also finds users that never had a token since the upgrade.
 *   The colliders found get their attribute synced; only when all of them could be written is this user's own
 *   attribute synced, so a user with a read-only collider stays on this path.</li>
 * </ul>
 * Also for an unverified email (it carries no email, but its attribute is kept, so an unverified collider is
 * found as before). Costs: docs/benchmarks.md.
 */
public final class TokenEmail {

    private TokenEmail() {
    }

    /** The email to put in the token, or null. */
    public static String of(KeycloakSession session, RealmModel realm, UserModel user) {
        String email = user.getEmail();
        boolean verified = user.isEmailVerified() && email != null;
        if (CoreUsernameAttribute.inStep(user)) {
            return verified && !SyncedNameLookup.anotherUserHasTheName(session, realm, user, email) ? email : null;
        }
        Optional<List<UserModel>> colliders = CollisionLookup.colliders(session, realm, email, user.getId());
        boolean othersIndexed = colliders.isPresent()
                && colliders.get().stream().allMatch(CoreUsernameAttribute::sync);
        if (othersIndexed) {
            CoreUsernameAttribute.sync(user);
        }
        boolean collides = colliders.map(found -> !found.isEmpty()).orElse(true);
        return verified && !collides ? email : null;
    }
}
