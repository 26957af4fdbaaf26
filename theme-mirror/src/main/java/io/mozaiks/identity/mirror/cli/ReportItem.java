package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.content.ContentHash;
import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.PlanItem;
import java.nio.file.Path;

/** One row of the plan/apply/check report, in the shape of the JSON output. */
record ReportItem(String source, String target, String action, Long sourceSize, String sourceSha256,
                  Long targetSize, String targetSha256, String note, String backup) {

    static ReportItem of(PlanItem item, Action shown, String note, Path backup) {
        ContentHash source = item.sourceHash();
        ContentHash target = item.targetHash();
        return new ReportItem(item.entry().source().toString(), item.entry().target().toString(), shown.label(),
                source == null ? null : source.size(), source == null ? null : source.sha256(),
                target == null ? null : target.size(), target == null ? null : target.sha256(),
                note == null ? "" : note, backup == null ? null : backup.toString());
    }
}
