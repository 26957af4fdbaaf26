package io.mozaiks.identity.mirror.plan;

import java.util.List;

/** Plan for every allowlist entry, in allowlist order. */
public record Plan(List<PlanItem> items) {
    public Plan {
        items = List.copyOf(items);
    }

    public boolean has(Action action) {
        return items.stream().anyMatch(item -> item.action() == action);
    }

    public List<PlanItem> drifted() {
        return items.stream().filter(item -> item.action().drifted()).toList();
    }
}
