package io.mozaiks.identity.keycloak.email;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For conformance: the users of a realm whose emails give core the same name, found by walking the realm's
 * users (not service accounts) in pages, at most {@link #MAX_USERS} of them, so the report stays cheap on big
 * realms and says when it stopped early.
 */
public final class RealmCollisionScan {

    public static final int MAX_USERS = 20_000;
    static final int PAGE = 1_000;

    /**
     * @param groups  usernames per shared name (key = the lower-case name), only names held by two or more users
     * @param scanned users looked at
     * @param cut     true when the realm has more users than were looked at
     */
    public record Result(Map<String, List<String>> groups, int scanned, boolean cut) {
    }

    private RealmCollisionScan() {
    }

    public static Result scan(KeycloakSession session, RealmModel realm, int maxUsers) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<String, String> params = Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false");
        int scanned = 0;
        boolean more = true;
        while (more && scanned < maxUsers) {
            int max = Math.min(PAGE, maxUsers - scanned);
            List<UserModel> page = session.users().searchForUserStream(realm, params, scanned, max).toList();
            for (UserModel user : page) {
                CoreUsername.of(user.getEmail()).ifPresent(name -> byName
                        .computeIfAbsent(CoreUsername.key(name), k -> new ArrayList<>()).add(user.getUsername()));
            }
            scanned += page.size();
            more = page.size() == max;
        }
        boolean cut = more && session.users().getUsersCount(realm, false) > scanned;
        Map<String, List<String>> groups = new LinkedHashMap<>();
        byName.forEach((name, users) -> {
            if (users.size() > 1) {
                groups.put(name, users);
            }
        });
        return new Result(groups, scanned, cut);
    }

    /** True when the realm's user profile has {@link UniqueCoreUsernameValidator} on {@code email}. */
    public static boolean validatorAttached(KeycloakSession session) {
        UserProfileProvider profile = session.getProvider(UserProfileProvider.class);
        UPConfig config = profile == null ? null : profile.getConfiguration();
        UPAttribute email = config == null ? null : config.getAttribute(UserModel.EMAIL);
        return Optional.ofNullable(email).map(UPAttribute::getValidations)
                .map(v -> v.containsKey(UniqueCoreUsernameValidator.ID)).orElse(false);
    }
}
