package io.mozaiks.identity.mirror.apply;

import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.PlanItem;
import java.nio.file.Path;

/** What apply did for one plan item: the planned action if it was carried out, or CONFLICT/REFUSED. */
public record ApplyOutcome(PlanItem item, Action result, boolean written, String detail, Path backup) {
}
