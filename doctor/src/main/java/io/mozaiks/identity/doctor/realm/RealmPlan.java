package io.mozaiks.identity.doctor.realm;

import java.util.List;

/**
 * What {@code realm apply} will do to one realm, in order, and what it leaves alone.
 *
 * @param changes   the steps, in the order they are applied
 * @param untouched what the plan never changes (users, secrets, other clients), in words
 * @param notices   what conformance may still report that this plan does not change, with the fix
 */
public record RealmPlan(String realm, List<Change> changes, List<String> untouched, List<String> notices) {

    public RealmPlan {
        changes = List.copyOf(changes);
        untouched = List.copyOf(untouched);
        notices = List.copyOf(notices);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
