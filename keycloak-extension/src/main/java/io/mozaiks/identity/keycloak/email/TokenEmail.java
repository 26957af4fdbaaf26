package io.mozaiks.identity.keycloak.email;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The {@code email} of a contract access token or introspection answer: verified, and not shared in its
 * core name with another user of the realm. mozaiks-core names a user by the part before {@code @}, so two users
 * with {@code alice@corp.example} and {@code ALICE@evil.example} would be one user there; the later of the two to
 * get a token gets none (and so does the earlier from its next token on), and core names each by {@code sub}.
 * Realms that already hold such pairs (imports skip the user-profile validator) need no migration.
 *
 * <p>Every token first syncs its user's {@link CoreUsernameAttribute} (also for an unverified email, so that an
 * unverified collider is found as before), then looks the name up by that attribute ({@link SyncedNameLookup});
 * a user whose attribute cannot be written, or whose email gives the empty name ({@code @host}), falls back to the
 * realm search ({@link CollisionLookup}).
 */
public final class TokenEmail {

    private TokenEmail() {
    }

    /** The email to put in the token, or null. */
    public static String of(KeycloakSession session, RealmModel realm, UserModel user) {
        boolean synced = CoreUsernameAttribute.sync(user);
        String email = user.getEmail();
        if (!user.isEmailVerified() || email == null) {
            return null;
        }
        boolean indexed = synced && CoreUsernameAttribute.valueFor(email) != null;
        boolean collides = indexed
                ? SyncedNameLookup.anotherUserHasTheName(session, realm, user, email)
                : CollisionLookup.anotherUserHasTheName(session, realm, email, user.getId());
        return collides ? null : email;
    }
}
