package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.email.RealmCollisionScan;
import io.mozaiks.identity.keycloak.email.UniqueCoreUsernameValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mozaiks-core names a user by the part of the email before {@code @}: two users whose emails share it would be
 * one user there. Contract tokens leave such emails out, so both checks warn (the contract holds, but the users
 * lose their email-keyed core profile and any user could cause that for another while the validator is missing).
 */
public final class EmailNameChecks {

    public static final String VALIDATOR = "email-name-validator";
    public static final String COLLISIONS = "email-name-collisions";
    /** Shared names listed in full; the reason says how many more. */
    static final int MAX_LISTED = 20;

    private EmailNameChecks() {
    }

    public static Check validator(boolean attached) {
        if (attached) {
            return Check.pass(VALIDATOR, "realm");
        }
        return Check.warn(VALIDATOR, "realm", "the user profile's email attribute lacks the validator "
                        + UniqueCoreUsernameValidator.ID + ": a user may take an email whose part before @ another user has"
                        + " (alice@corp.example, then ALICE@evil.example); mozaiks-core would make them one user, so contract"
                        + " tokens of both then carry no email and both lose their email-keyed core profile",
                "Realm settings > User profile > email > Validations: add " + UniqueCoreUsernameValidator.ID
                        + " (no settings), or in the realm file: \"validations\": {\"" + UniqueCoreUsernameValidator.ID + "\": {}}");
    }

    public static Check collisions(RealmCollisionScan.Result scan) {
        String scope = scan.cut() ? " (only the first " + scan.scanned() + " users were checked: the list may be incomplete)" : "";
        if (scan.groups().isEmpty()) {
            return scan.cut() ? Check.warn(COLLISIONS, "realm", "no shared email name found" + scope,
                    "Check the remaining users with the admin API (GET /admin/realms/{realm}/users?email=NAME@ per name)")
                    : Check.pass(COLLISIONS, "realm");
        }
        List<String> listed = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : scan.groups().entrySet()) {
            if (listed.size() == MAX_LISTED) {
                listed.add("... and " + (scan.groups().size() - MAX_LISTED) + " more");
                break;
            }
            listed.add("\"" + group.getKey() + "@\": " + String.join(", ", group.getValue()));
        }
        return Check.warn(COLLISIONS, "realm", "users share the part of their email before @, which mozaiks-core uses as"
                        + " the user's name; their contract tokens carry no email, so core names them by sub: "
                        + String.join("; ", listed) + scope,
                "Give all but one user of each group an email with a different name before @ (Users > user > Email),"
                        + " after checking which of them owns the core profile; then attach " + UniqueCoreUsernameValidator.ID
                        + " so that no new ones appear");
    }
}
