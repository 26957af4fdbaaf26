package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.allowlist.AllowlistEntry;
import io.mozaiks.identity.mirror.allowlist.TargetPolicy;
import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.Plan;
import io.mozaiks.identity.mirror.plan.PlanItem;
import io.mozaiks.identity.mirror.references.TargetUsage;
import io.mozaiks.identity.mirror.references.ThemeReferences;
import java.nio.file.Path;
import java.util.List;

/** Which allowlisted targets mozaiks-core's login theme shows, for the plan/apply/check reports. */
final class ThemeUsage {
    private final ThemeReferences references;

    ThemeUsage(ThemeReferences references) {
        this.references = references;
    }

    TargetUsage of(AllowlistEntry entry) {
        return TargetUsage.of(references, entry.target(), TargetPolicy.THEME_RESOURCES_SEGMENTS);
    }

    String orphanNote(AllowlistEntry entry) {
        List<String> segments = entry.target().segments();
        String resource = String.join("/",
                segments.subList(Math.min(TargetPolicy.THEME_RESOURCES_SEGMENTS.size(), segments.size() - 1),
                        segments.size()));
        return TargetUsage.orphanNote(resource, references);
    }

    ReportItem item(PlanItem item, Action shown, String note, Path backup) {
        return ReportItem.of(item, shown, note, backup, of(item.entry()), orphanNote(item.entry()));
    }

    List<PlanItem> orphans(Plan plan) {
        return plan.items().stream().filter(item -> of(item.entry()).orphan()).toList();
    }

    /** One line naming the orphans, for stderr; empty when there are none. */
    String orphanLine(Plan plan, String consequence) {
        List<PlanItem> orphans = orphans(plan);
        if (orphans.isEmpty()) {
            return "";
        }
        return orphans.size() + " target(s) are orphans, referenced by nothing in mozaiks-core's login theme: "
                + String.join(", ", orphans.stream().map(item -> item.entry().target().toString()).toList())
                + "; " + consequence;
    }

    MirrorReport report(String command, String root, int exit, String summary, List<ReportItem> items,
                        List<String> removedTempFiles) {
        return new MirrorReport(command, root, exit, summary, items, removedTempFiles, references.filesRead(),
                references.notes());
    }
}
