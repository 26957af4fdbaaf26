package io.mozaiks.identity.mirror.plan;

import io.mozaiks.identity.mirror.allowlist.AllowlistEntry;
import io.mozaiks.identity.mirror.content.ContentHash;

/**
 * The decision for one allowlist entry, with the hashes it was based on. {@code sourceContent} is what apply
 * writes, so apply writes exactly the bytes that were planned and checked.
 */
public record PlanItem(AllowlistEntry entry, Action action, String reason,
                       ContentHash sourceHash, ContentHash targetHash, byte[] sourceContent) {

    public static PlanItem refused(AllowlistEntry entry, String reason, ContentHash sourceHash, ContentHash targetHash) {
        return new PlanItem(entry, Action.REFUSED, reason, sourceHash, targetHash, null);
    }
}
