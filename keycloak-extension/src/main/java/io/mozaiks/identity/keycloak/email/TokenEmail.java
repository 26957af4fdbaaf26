package io.mozaiks.identity.keycloak.email;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The {@code email} of a contract access token or introspection answer: verified, and not shared in its
 * core name with another user of the realm. mozaiks-core names a user by the part before {@code @}, so two users
 * with {@code alice@corp.example} and {@code ALICE@evil.example} would be one user there; both tokens then carry
 * no email and core names each by {@code sub}. Realms that already hold such pairs (imports skip the user-profile
 * validator) are safe without a migration.
 */
public final class TokenEmail {

    private TokenEmail() {
    }

    /** The email to put in the token, or null. */
    public static String of(KeycloakSession session, RealmModel realm, UserModel user) {
        String email = user.getEmail();
        if (!user.isEmailVerified() || email == null) {
            return null;
        }
        return CollisionLookup.anotherUserHasTheName(session, realm, email, user.getId()) ? null : email;
    }
}
