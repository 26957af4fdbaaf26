package io.mozaiks.identity.mirror.plan;

import io.mozaiks.identity.mirror.allowlist.Allowlist;
import io.mozaiks.identity.mirror.allowlist.AllowlistEntry;
import io.mozaiks.identity.mirror.content.ContentHash;
import io.mozaiks.identity.mirror.content.ImageSignature;
import io.mozaiks.identity.mirror.content.SvgInspector;
import io.mozaiks.identity.mirror.git.CommittedContent;
import io.mozaiks.identity.mirror.git.CommittedVersion;
import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import io.mozaiks.identity.pathsafety.UnsafePathException;
import io.mozaiks.identity.mirror.state.WriteLedger;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides, per allowlisted file, what apply would do. Reads only; writes nothing anywhere. */
public final class Planner {
    /** Theme images are small; anything larger is a mistake, not a logo. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final SafeRoot themes;
    private final SafeRoot core;
    private final CommittedContent committed;
    private final WriteLedger ledger;

    public Planner(SafeRoot themes, SafeRoot core, CommittedContent committed, WriteLedger ledger) {
        this.themes = themes;
        this.core = core;
        this.committed = committed;
        this.ledger = ledger;
    }

    public Plan plan(Allowlist allowlist) throws IOException {
        List<PlanItem> items = new ArrayList<>();
        for (AllowlistEntry entry : allowlist.entries()) {
            items.add(planOne(entry));
        }
        return new Plan(items);
    }

    /** Re-reads the target for apply's last-moment check: its hash now, or empty when it is missing. */
    public Optional<ContentHash> currentTarget(RelativePath target) throws IOException {
        SafeRoot.Entry entry = core.inspect(target);
        if (entry.kind() == SafeRoot.Kind.MISSING) {
            return Optional.empty();
        }
        return Optional.of(ContentHash.of(core.readFile(target, MAX_FILE_BYTES)));
    }

    private PlanItem planOne(AllowlistEntry entry) throws IOException {
        byte[] source;
        try {
            source = themes.readFile(entry.source(), MAX_FILE_BYTES);
        } catch (UnsafePathException e) {
            return PlanItem.refused(entry, "source " + e.getMessage(), null, null);
        } catch (NoSuchFileException e) {
            return PlanItem.refused(entry, "source themes/" + entry.source() + " does not exist", null, null);
        }
        ContentHash sourceHash = ContentHash.of(source);
        if (entry.source().extension().equals("svg")) {
            Optional<String> active = SvgInspector.activeContent(source);
            if (active.isPresent()) {
                return PlanItem.refused(entry, "source SVG refused: " + active.get(), sourceHash, null);
            }
        }
        Optional<String> notAnImage = ImageSignature.mismatch(entry.source().extension(), source);
        if (notAnImage.isPresent()) {
            return PlanItem.refused(entry, "source refused: " + notAnImage.get(), sourceHash, null);
        }
        SafeRoot.Entry target;
        try {
            target = core.inspect(entry.target());
        } catch (UnsafePathException e) {
            return PlanItem.refused(entry, "target " + e.getMessage(), sourceHash, null);
        }
        switch (target.kind()) {
            case MISSING:
                return planCreate(entry, sourceHash, source);
            case DIRECTORY:
                return PlanItem.refused(entry, "target is a folder", sourceHash, null);
            default:
                break;
        }
        byte[] current;
        try {
            current = core.readFile(entry.target(), MAX_FILE_BYTES);
        } catch (UnsafePathException e) {
            return PlanItem.refused(entry, "target " + e.getMessage(), sourceHash, null);
        }
        ContentHash targetHash = ContentHash.of(current);
        if (targetHash.equals(sourceHash)) {
            return new PlanItem(entry, Action.UNCHANGED, "", sourceHash, targetHash, source);
        }
        return planReplace(entry, sourceHash, targetHash, source);
    }

    private PlanItem planCreate(AllowlistEntry entry, ContentHash sourceHash, byte[] source) throws IOException {
        Optional<RelativePath> folder = entry.target().parent();
        if (folder.isEmpty() || core.inspect(folder.get()).kind() != SafeRoot.Kind.DIRECTORY) {
            return PlanItem.refused(entry, "folder of the target does not exist; this tool never creates folders",
                    sourceHash, null);
        }
        return new PlanItem(entry, Action.CREATE, "", sourceHash, null, source);
    }

    /** Update only what is provably not someone's work: the committed version, or what we wrote last time. */
    private PlanItem planReplace(AllowlistEntry entry, ContentHash sourceHash, ContentHash targetHash, byte[] source) {
        if (ledger.lastWrite(entry.target()).filter(targetHash.sha256()::equals).isPresent()) {
            return new PlanItem(entry, Action.UPDATE, "target is this tool's last write", sourceHash, targetHash, source);
        }
        CommittedVersion head = committed.lookup(entry.target());
        if (head.state() == CommittedVersion.State.PRESENT && head.hash().equals(targetHash)) {
            return new PlanItem(entry, Action.UPDATE, "target is the committed version", sourceHash, targetHash, source);
        }
        String reason = head.state() == CommittedVersion.State.UNKNOWN
                ? "git could not answer (" + head.problem() + "); treated as a local edit"
                : "local edit: target differs from HEAD and from this tool's last write; commit or discard it, or use --force";
        return new PlanItem(entry, Action.CONFLICT, reason, sourceHash, targetHash, source);
    }
}
