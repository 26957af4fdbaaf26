package io.mozaiks.identity.keycloak.email;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Does another user of the realm have an email that gives core the same name? One search through Keycloak's
 * user API (so federated users count too), then an exact check of every candidate.
 *
 * <p>The search is Keycloak's general user search with a prefix, {@code name@*}: the JPA store turns it into
 * {@code LIKE 'name@%'} on username and email (lower-case columns) and lower(first/last name), with {@code %},
 * {@code _} and {@code \} escaped; a {@code *} inside the name widens it. Candidates are only candidates (a
 * username or a person's name may start the same way), so each is compared exactly. A name with whitespace
 * (a quoted local part) would be split into words by that search; it uses the email attribute search instead
 * ({@code LIKE '%name@%'}, unescaped: wider, never narrower). The {@code OR} over lower-cased columns scans the
 * realm's users, so it runs where it is rare: the validator (an email change), and at token time only for a user
 * whose {@link CoreUsernameAttribute} cannot be written or whose name is empty; other tokens use
 * {@link SyncedNameLookup}. Costs: docs/benchmarks.md.
 */
public final class CollisionLookup {

    static final int PAGE = 20;
    /**
     * More candidates than this (someone created many accounts whose names start the same way) count as a
     * collision: the answer fails closed instead of paging without end on every token.
     */
    static final int MAX_CANDIDATES = 200;

    private CollisionLookup() {
    }

    /**
     * @param email       the email to check (as entered or as stored)
     * @param ownUserId   the user it belongs to, or null (registration, a user being created)
     * @return true when another (non-service-account) user's email gives core the same name, or when the
     *         candidates exceed {@link #MAX_CANDIDATES}
     */
    public static boolean anotherUserHasTheName(KeycloakSession session, RealmModel realm, String email, String ownUserId) {
        return colliders(session, realm, email, ownUserId).map(found -> !found.isEmpty()).orElse(true);
    }

    /**
     * The other (non-service-account) users whose email gives core the same name.
     *
     * @return empty when the candidates exceed {@link #MAX_CANDIDATES} (the caller fails closed)
     */
    public static Optional<List<UserModel>> colliders(KeycloakSession session, RealmModel realm, String email,
                                                      String ownUserId) {
        String name = CoreUsername.of(email).orElse(null);
        if (name == null) {
            return Optional.of(List.of());
        }
        Map<String, String> search = searchParameters(name);
        List<UserModel> found = new ArrayList<>();
        int seen = 0;
        while (seen < MAX_CANDIDATES) {
            List<UserModel> page = session.users().searchForUserStream(realm, search, seen, PAGE).toList();
            for (UserModel candidate : page) {
                if (!Objects.equals(candidate.getId(), ownUserId) && candidate.getServiceAccountClientLink() == null
                        && CoreUsername.sameName(email, candidate.getEmail())) {
                    found.add(candidate);
                }
            }
            seen += page.size();
            if (page.size() < PAGE) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** The search that finds every user whose email starts with {@code name@}, ignoring case (and maybe more). */
    static Map<String, String> searchParameters(String name) {
        if (name.chars().anyMatch(Character::isWhitespace)) {
            return Map.of(UserModel.EMAIL, name + "@", UserModel.EXACT, "false");
        }
        return Map.of(UserModel.SEARCH, name + "@*");
    }
}
