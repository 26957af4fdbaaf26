package io.mozaiks.identity.keycloak.email;

import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ReadOnlyException;

import java.util.Objects;

/**
 * A derived user attribute the provider keeps: core's name for the user's current email
 * ({@link CoreUsername#key}, lower case), or absent when the email gives core no (or an empty) name. It exists so that the
 * token-time collision check is one exact, indexed attribute lookup instead of a scan of the realm
 * ({@link SyncedNameLookup}). Only {@link #sync} writes it; nothing reads it as the truth about an email, every
 * hit is checked against the hit's current email.
 *
 * <p>Not editable by users under Keycloak 26's default user profile: an attribute the profile does not declare is
 * "unmanaged", and the default unmanaged-attribute policy (disabled) neither shows nor accepts it in the account
 * console or the admin API. A realm that enables unmanaged attributes (policy {@code ENABLED}) lets a user edit
 * this attribute on their OWN account: that can only hide them from other users' lookups until their next token,
 * which re-syncs it first and so still finds the other user; it cannot touch another user's attribute.
 */
public final class CoreUsernameAttribute {

    /** The attribute name (a public constant: conformance, docs and tests refer to it). */
    public static final String NAME = "mozaiks.core-username";

    private CoreUsernameAttribute() {
    }

    /**
     * The value the attribute should hold for this email, or null: no name, or the empty name of
     * {@code @host} (an empty attribute value is not stored reliably by every database; such a user is checked by
     * the realm search instead, {@link TokenEmail}).
     */
    public static String valueFor(String email) {
        return CoreUsername.of(email).filter(name -> !name.isEmpty()).map(CoreUsername::key).orElse(null);
    }

    /** The user's attribute already holds the value for their current email (a non-empty name). */
    public static boolean inStep(UserModel user) {
        String wanted = valueFor(user.getEmail());
        return wanted != null && wanted.equals(user.getFirstAttribute(NAME)) && user.getAttributeStream(NAME).count() == 1;
    }

    /**
     * Brings the user's attribute in line with their current email; writes only when it differs.
     *
     * @return false when the user cannot be written (a read-only federated user): the caller must not rely on
     *         other users finding this one through the attribute
     */
    public static boolean sync(UserModel user) {
        String wanted = valueFor(user.getEmail());
        if (Objects.equals(user.getFirstAttribute(NAME), wanted) && user.getAttributeStream(NAME).count() <= 1) {
            return true;
        }
        try {
            if (wanted == null) {
                user.removeAttribute(NAME);
            } else {
                user.setSingleAttribute(NAME, wanted);
            }
            return true;
        } catch (ReadOnlyException | ModelException readOnly) {
            return false;
        }
    }
}
