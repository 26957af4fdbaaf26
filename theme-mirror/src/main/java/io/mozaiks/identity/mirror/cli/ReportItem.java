package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.content.ContentHash;
import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.PlanItem;
import io.mozaiks.identity.mirror.references.TargetUsage;
import java.nio.file.Path;
import java.util.List;

/** One row of the plan/apply/check report, in the shape of the JSON output. */
record ReportItem(String source, String target, String action, Long sourceSize, String sourceSha256,
                  Long targetSize, String targetSha256, String note, String backup, boolean orphan,
                  List<String> referencedBy) {

    /** {@code usage}: whether mozaiks-core's theme shows the target; an orphan's note leads the NOTE column. */
    static ReportItem of(PlanItem item, Action shown, String note, Path backup, TargetUsage usage, String orphanNote) {
        ContentHash source = item.sourceHash();
        ContentHash target = item.targetHash();
        String text = note == null ? "" : note;
        if (usage.orphan()) {
            text = text.isEmpty() ? orphanNote : orphanNote + "; " + text;
        }
        return new ReportItem(item.entry().source().toString(), item.entry().target().toString(), shown.label(),
                source == null ? null : source.size(), source == null ? null : source.sha256(),
                target == null ? null : target.size(), target == null ? null : target.sha256(),
                text, backup == null ? null : backup.toString(), usage.orphan(), usage.referencedBy());
    }
}
