package io.mozaiks.identity.keycloak.email;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

import java.util.Collection;
import java.util.List;

/**
 * User-profile validator for the {@code email} attribute: refuses an email whose part before {@code @} another
 * user of the realm already has, ignoring case ({@link CoreUsername}). It runs wherever Keycloak validates the
 * user profile: registration, the account console (account REST API), the admin API and console. Imports skip
 * it; {@link TokenEmail} covers what is already in the realm.
 *
 * <p>Attach it in the realm's user profile: {@code "validations": {"mozaiks-unique-core-username": {}}} on
 * {@code email} (docs/configuration.md); conformance reports a realm without it.
 */
public class UniqueCoreUsernameValidator implements SimpleValidator, ConfiguredProvider {

    public static final String ID = "mozaiks-unique-core-username";
    /** English text in {@code theme-resources/messages/messages_en.properties}; {0} is the field, {1} the name. */
    public static final String MESSAGE = "mozaiksEmailNameTaken";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        String email = firstValue(input);
        if (email == null || email.isBlank()) {
            return context; // "required" and the email format are other validators' work
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = session.getContext().getRealm();
        UserModel user = UserProfileAttributeValidationContext.from(context).getAttributeContext().getUser();
        if (user != null && user.getEmail() != null && user.getEmail().equalsIgnoreCase(email.trim())) {
            // Unchanged (as Keycloak's duplicate-email validator does): a user already in a collision is not
            // sent to "update your profile" at every login or refused when saving their name; the token leaves
            // the email out and conformance lists the pair for the admin.
            return context;
        }
        if (CollisionLookup.anotherUserHasTheName(session, realm, email.trim(), user == null ? null : user.getId())) {
            String name = CoreUsername.of(email.trim()).orElse("");
            context.addError(new ValidationError(ID, inputHint, MESSAGE, name).setStatusCode(Response.Status.CONFLICT));
        }
        return context;
    }

    private static String firstValue(Object input) {
        if (input instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).findFirst().orElse(null);
        }
        return input == null ? null : input.toString();
    }

    @Override
    public String getHelpText() {
        return "mozaiks: refuses an email whose part before @ another user of the realm has (ignoring case);"
                + " mozaiks-core names users by that part.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
