package io.mozaiks.identity.mirror.apply;

import io.mozaiks.identity.mirror.content.ContentHash;
import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.Plan;
import io.mozaiks.identity.mirror.plan.PlanItem;
import io.mozaiks.identity.mirror.plan.Planner;
import io.mozaiks.identity.mirror.state.BackupStore;
import io.mozaiks.identity.mirror.state.WriteLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out a plan. Decisions are all-or-nothing: if any item is refused, or conflicts without
 * {@code --force}, nothing is written at all. Each write is atomic ({@link AtomicFileWriter}), is preceded
 * by a last-moment check that the target is still what was planned, and is recorded in the ledger at once.
 */
public final class Applier {
    private final SafeRoot core;
    private final Planner planner;
    private final WriteLedger ledger;
    private final BackupStore backups;
    private final AtomicFileWriter writer;

    public Applier(SafeRoot core, Planner planner, WriteLedger ledger, BackupStore backups, AtomicFileWriter writer) {
        this.core = core;
        this.planner = planner;
        this.ledger = ledger;
        this.backups = backups;
        this.writer = writer;
    }

    /** Removes temp files of killed runs from the folders of all targets (under the lock, before planning). */
    public List<Path> cleanStaleTempFiles(List<RelativePath> targets) throws IOException {
        Set<RelativePath> folders = new LinkedHashSet<>();
        targets.forEach(target -> target.parent().ifPresent(folders::add));
        List<Path> removed = new ArrayList<>();
        for (RelativePath folder : folders) {
            if (core.inspect(folder).kind() == SafeRoot.Kind.DIRECTORY) {
                removed.addAll(StaleTempCleaner.clean(core.openRoot(folder)));
            }
        }
        return removed;
    }

    public ApplyReport apply(Plan plan, boolean force, List<Path> removedTempFiles) throws IOException {
        List<ApplyOutcome> outcomes = new ArrayList<>();
        if (plan.has(Action.REFUSED) || (!force && plan.has(Action.CONFLICT))) {
            for (PlanItem item : plan.items()) {
                outcomes.add(new ApplyOutcome(item, item.action(), false, item.reason(), null));
            }
            String why = plan.has(Action.REFUSED) ? "refused entries" : "conflicts (use --force to overwrite, with a backup)";
            return new ApplyReport(outcomes, removedTempFiles, "nothing written because of " + why);
        }
        String stop = null;
        for (PlanItem item : plan.items()) {
            if (stop != null) {
                outcomes.add(new ApplyOutcome(item, item.action(), false, "not attempted: " + stop, null));
                continue;
            }
            ApplyOutcome outcome = applyOne(item);
            outcomes.add(outcome);
            if (outcome.result() == Action.CONFLICT) {
                stop = "an earlier target changed during the run";
            }
        }
        return new ApplyReport(outcomes, removedTempFiles, stop);
    }

    private ApplyOutcome applyOne(PlanItem item) throws IOException {
        if (item.action() == Action.UNCHANGED) {
            return new ApplyOutcome(item, Action.UNCHANGED, false, "", null);
        }
        RelativePath target = item.entry().target();
        Path backup = null;
        if (item.action() == Action.CONFLICT) {
            // --force: keep what we are about to overwrite, outside the repository.
            backup = backups.save(target, currentBytes(target));
        }
        core.requireDirectory(target.parent().orElseThrow());
        Optional<ContentHash> planned = Optional.ofNullable(item.targetHash());
        try {
            writer.replace(core, target, item.sourceContent(), () -> requireUnchangedSincePlan(target, planned));
        } catch (ConcurrentChangeException | RenameBlockedException e) {
            return new ApplyOutcome(item, Action.CONFLICT, false, e.getMessage(), backup);
        }
        ledger.record(target, item.sourceHash().sha256());
        String detail = item.action() == Action.CONFLICT ? "forced; old content backed up" : item.reason();
        Action result = item.action() == Action.CONFLICT ? Action.UPDATE : item.action();
        return new ApplyOutcome(item, result, true, detail, backup);
    }

    private byte[] currentBytes(RelativePath target) throws IOException {
        return core.readFile(target, Planner.MAX_FILE_BYTES);
    }

    /** The last-moment check: someone may have edited the target since plan read it. */
    private void requireUnchangedSincePlan(RelativePath target, Optional<ContentHash> planned) throws IOException {
        Optional<ContentHash> now = planner.currentTarget(target);
        if (!Objects.equals(now, planned)) {
            throw new ConcurrentChangeException(target + " changed while apply was running; nothing written, run plan again");
        }
    }

    /** The target changed between plan and rename. */
    static final class ConcurrentChangeException extends IOException {
        private static final long serialVersionUID = 1L;

        ConcurrentChangeException(String message) {
            super(message);
        }
    }
}
