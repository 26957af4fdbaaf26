package io.mozaiks.identity.mirror.it;

import static io.mozaiks.identity.mirror.it.CoreRepoFixture.BACKGROUND;
import static io.mozaiks.identity.mirror.it.CoreRepoFixture.IMG;
import static io.mozaiks.identity.mirror.it.CoreRepoFixture.LOGO;
import static io.mozaiks.identity.mirror.it.CoreRepoFixture.NEW_BACKGROUND;
import static io.mozaiks.identity.mirror.it.CoreRepoFixture.NEW_LOGO;
import static io.mozaiks.identity.mirror.it.CoreRepoFixture.OLD_LOGO;
import static io.mozaiks.identity.mirror.it.CoreRepoFixture.sha;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.mirror.apply.TestPause;
import io.mozaiks.identity.mirror.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    CoreRepoFixture world;

    @BeforeEach
    void createWorld() throws Exception {
        world = new CoreRepoFixture(temp);
    }

    private static JsonNode json(CliProcess.Result result) throws Exception {
        return JSON.readTree(result.stdout());
    }

    private static JsonNode item(JsonNode report, String target) {
        for (JsonNode item : report.get("items")) {
            if (item.get("target").asText().equals(target)) {
                return item;
            }
        }
        throw new AssertionError("no item for " + target + " in " + report);
    }

    private String content(String relative) throws Exception {
        return Files.readString(world.core.resolve(relative));
    }

    private static void assertOneLineError(CliProcess.Result result) {
        assertThat(result.stderr().strip()).as(result.toString()).isNotEmpty().doesNotContain("\n").startsWith("theme-mirror: ");
    }

    @Test
    void withoutOptInEveryCommandSaysMirroringIsOffAndWritesNothing() throws Exception {
        Map<String, String> before = world.snapshot();
        for (String command : List.of("plan", "apply", "check")) {
            CliProcess.Result result = world.optedOut().run(command);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OPT_IN_OFF);
            assertOneLineError(result);
            assertThat(result.stderr()).contains("mirroring is off", "MOZAIKS_CORE_ROOT is not set", "to opt in");
        }
        assertThat(world.snapshot()).isEqualTo(before);
        assertThat(world.state).doesNotExist(); // not even the state folder is touched
    }

    @Test
    void optInMustNameTheTopOfAGitWorkTree() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("not-a-repo"));
        CliProcess.Result notGit = world.optedOut().env("MOZAIKS_CORE_ROOT", plain.toString()).run("check");
        assertThat(notGit.exitCode()).as(notGit.toString()).isEqualTo(ExitCodes.OPT_IN_OFF);
        assertThat(notGit.stderr()).contains("is not a git work tree");

        CliProcess.Result sub = world.optedOut().env("MOZAIKS_CORE_ROOT", world.core.resolve("examples").toString()).run("plan");
        assertThat(sub.exitCode()).as(sub.toString()).isEqualTo(ExitCodes.OPT_IN_OFF);
        assertThat(sub.stderr()).contains("not its top level");

        CliProcess.Result relative = world.optedOut().env("MOZAIKS_CORE_ROOT", "mozaiks-core").run("plan");
        assertThat(relative.exitCode()).isEqualTo(ExitCodes.OPT_IN_OFF);
        assertThat(relative.stderr()).contains("not an absolute path");
    }

    @Test
    void planShowsCreateUpdateUnchangedWithHashesAndWritesNothing() throws Exception {
        Map<String, String> before = world.snapshot();
        CliProcess.Result plan = world.optedIn().run("plan", "--json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        JsonNode report = json(plan);
        JsonNode logo = item(report, LOGO);
        assertThat(logo.get("action").asText()).isEqualTo("update");
        assertThat(logo.get("sourceSha256").asText()).isEqualTo(sha(NEW_LOGO));
        assertThat(logo.get("targetSha256").asText()).isEqualTo(sha(OLD_LOGO));
        assertThat(logo.get("sourceSize").asLong()).isEqualTo(NEW_LOGO.length());
        JsonNode background = item(report, BACKGROUND);
        assertThat(background.get("action").asText()).isEqualTo("create");
        assertThat(background.get("targetSha256").isNull()).isTrue();
        assertThat(world.snapshot()).isEqualTo(before);

        CliProcess.Result table = world.optedIn().run("plan");
        assertThat(table.stdout()).contains("ACTION", "update", "create", sha(NEW_LOGO).substring(0, 12), LOGO);
    }

    @Test
    void applyWritesExactlyThePlanThenEverythingIsUnchanged() throws Exception {
        CliProcess.Result apply = world.optedIn().run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.OK);
        assertThat(content(LOGO)).isEqualTo(NEW_LOGO);
        assertThat(content(BACKGROUND)).isEqualTo(NEW_BACKGROUND);
        assertThat(world.porcelain()).isEqualTo(" M " + LOGO + "\n?? " + BACKGROUND + "\n");
        assertThat(world.tempFiles()).isEmpty();

        CliProcess.Result again = world.optedIn().run("apply", "--json");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(item(json(again), LOGO).get("action").asText()).isEqualTo("unchanged");
        assertThat(item(json(again), BACKGROUND).get("action").asText()).isEqualTo("unchanged");
        assertThat(world.optedIn().run("check").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void ourOwnLastWriteMayBeUpdatedButOnlyWithTheLedger() throws Exception {
        assertThat(world.optedIn().run("apply").exitCode()).isEqualTo(ExitCodes.OK);
        String v2 = CoreRepoFixture.svg("<circle r='2'/>");
        CoreRepoFixture.write(world.themes.resolve("mozaiks/login/resources/img/logo.svg"), v2);

        CliProcess.Result update = world.optedIn().run("apply", "--json");
        assertThat(update.exitCode()).as(update.toString()).isEqualTo(ExitCodes.OK);
        assertThat(item(json(update), LOGO).get("action").asText()).isEqualTo("update");
        assertThat(item(json(update), LOGO).get("note").asText()).contains("last write");
        assertThat(content(LOGO)).isEqualTo(v2);

        // Forget the ledger: the same target is now indistinguishable from a local edit.
        deleteTree(world.state);
        CoreRepoFixture.write(world.themes.resolve("mozaiks/login/resources/img/logo.svg"), NEW_LOGO);
        CliProcess.Result conflict = world.optedIn().run("plan", "--json");
        assertThat(conflict.exitCode()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
        assertThat(item(json(conflict), LOGO).get("action").asText()).isEqualTo("conflict");
    }

    @Test
    void localEditIsAConflictAndNothingIsWrittenOrLost() throws Exception {
        String edit = CoreRepoFixture.svg("<text>hand edit</text>");
        CoreRepoFixture.write(world.core.resolve(LOGO), edit);
        Map<String, String> before = world.snapshot();

        CliProcess.Result plan = world.optedIn().run("plan", "--json");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
        assertThat(item(json(plan), LOGO).get("action").asText()).isEqualTo("conflict");
        assertThat(item(json(plan), LOGO).get("note").asText()).contains("local edit");

        CliProcess.Result apply = world.optedIn().run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
        assertOneLineError(apply);
        assertThat(content(LOGO)).isEqualTo(edit);
        assertThat(world.core.resolve(BACKGROUND)).doesNotExist(); // all-or-nothing
        assertThat(world.snapshot()).isEqualTo(before);
    }

    @Test
    void forceOverwritesAndKeepsABackupOutsideTheRepository() throws Exception {
        String edit = CoreRepoFixture.svg("<text>hand edit</text>");
        CoreRepoFixture.write(world.core.resolve(LOGO), edit);

        CliProcess.Result forced = world.optedIn().run("apply", "--force", "--json");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(content(LOGO)).isEqualTo(NEW_LOGO);
        Path backup = Path.of(item(json(forced), LOGO).get("backup").asText());
        assertThat(backup).hasContent(edit).startsWithRaw(world.state.toRealPath());
        assertThat(backup.toString()).doesNotStartWith(world.core.toString());
        assertThat(world.porcelain()).isEqualTo(" M " + LOGO + "\n?? " + BACKGROUND + "\n");
    }

    @Test
    void symlinkedFolderInTheTargetIsRefusedAndNothingIsWritten() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere/img"));
        Files.writeString(elsewhere.resolve("logo.svg"), OLD_LOGO);
        Path resources = world.core.resolve("examples/keycloak/theme/mozaiks/login/resources");
        deleteTree(resources);
        Files.createSymbolicLink(resources, elsewhere.getParent());
        Map<String, String> before = world.snapshot();

        CliProcess.Result apply = world.optedIn().run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.REFUSED);
        assertOneLineError(apply);
        assertThat(apply.stderr()).contains("symbolic link");
        assertThat(elsewhere.resolve("logo.svg")).hasContent(OLD_LOGO);
        assertThat(elsewhere.resolve("background.svg")).doesNotExist();
        try (Stream<Path> list = Files.list(elsewhere)) {
            assertThat(list).hasSize(1);
        }
        assertThat(world.snapshot()).isEqualTo(before);
    }

    @Test
    void symlinkedTargetFileIsRefused() throws Exception {
        Path secret = temp.resolve("secret.svg");
        Files.writeString(secret, OLD_LOGO);
        Files.delete(world.core.resolve(LOGO));
        Files.createSymbolicLink(world.core.resolve(LOGO), secret);

        CliProcess.Result apply = world.optedIn().run("apply", "--force", "--json");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(item(json(apply), LOGO).get("action").asText()).isEqualTo("refused");
        assertThat(secret).hasContent(OLD_LOGO);
        assertThat(Files.isSymbolicLink(world.core.resolve(LOGO))).isTrue();
        assertThat(world.core.resolve(BACKGROUND)).doesNotExist();
    }

    @Test
    void missingPrefixStopsAndNamesBothLayouts() throws Exception {
        deleteTree(world.core.resolve("examples"));
        CoreRepoFixture.write(world.core.resolve("runtime/ai/keycloak/theme/mozaiks/login/theme.properties"), "parent=keycloak.v2\n");
        Map<String, String> before = world.snapshot();

        CliProcess.Result apply = world.optedIn().run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.LAYOUT_MISSING);
        assertOneLineError(apply);
        assertThat(apply.stderr()).contains("examples/keycloak/theme/mozaiks/login/resources/img/",
                "runtime/ai/keycloak/theme/mozaiks/login/", "older layout");
        assertThat(world.core.resolve("examples")).doesNotExist();
        assertThat(world.snapshot()).isEqualTo(before);
    }

    @Test
    void secondRunFailsWhileAnotherHoldsTheLock() throws Exception {
        CliProcess slow = world.optedIn().env(TestPause.VARIABLE, "6000");
        Process first = slow.start(null, "apply");
        awaitTempFile(first);

        long start = System.nanoTime();
        CliProcess.Result second = world.optedIn().run("plan");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.LOCK_HELD);
        assertOneLineError(second);
        assertThat(second.stderr()).contains("another theme-mirror run holds the lock");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

        CliProcess.Result firstResult = slow.finish(first);
        assertThat(firstResult.exitCode()).as(firstResult.toString()).isEqualTo(ExitCodes.OK);
        assertThat(content(LOGO)).isEqualTo(NEW_LOGO);
    }

    @Test
    void killMinus9DuringApplyLeavesTheOldFileAndTheNextRunCleansUp() throws Exception {
        CliProcess slow = world.optedIn().env(TestPause.VARIABLE, "60000");
        Process victim = slow.start(null, "apply");
        awaitTempFile(victim);

        Process kill = new ProcessBuilder("kill", "-9", Long.toString(victim.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(slow.finish(victim).exitCode()).isEqualTo(137); // 128 + SIGKILL

        // Killed before its rename: the target is fully old, and the temp file is what was left behind.
        assertThat(content(LOGO)).isEqualTo(OLD_LOGO);
        assertThat(world.core.resolve(BACKGROUND)).doesNotExist();
        assertThat(world.tempFiles()).hasSize(1);
        String leftover = world.tempFiles().get(0);

        CliProcess.Result next = world.optedIn().run("apply", "--json");
        assertThat(next.exitCode()).as(next.toString()).isEqualTo(ExitCodes.OK);
        assertThat(json(next).get("removedTempFiles").toString()).contains(leftover);
        assertThat(world.tempFiles()).isEmpty();
        assertThat(content(LOGO)).isEqualTo(NEW_LOGO);
        assertThat(content(BACKGROUND)).isEqualTo(NEW_BACKGROUND);
        assertThat(world.porcelain()).isEqualTo(" M " + LOGO + "\n?? " + BACKGROUND + "\n");
    }

    @Test
    void checkExitCodesFollowDrift() throws Exception {
        CliProcess.Result drift = world.optedIn().run("check");
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
        assertOneLineError(drift);
        assertThat(drift.stderr()).contains(LOGO + " (update)", BACKGROUND + " (create)");

        assertThat(world.optedIn().run("apply").exitCode()).isEqualTo(ExitCodes.OK);
        CliProcess.Result clean = world.optedIn().run("check");
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(ExitCodes.OK);
        assertThat(clean.stderr()).isEmpty();
        assertThat(clean.stdout()).contains("all 2 target(s) match");

        CoreRepoFixture.write(world.themes.resolve("mozaiks/login/resources/img/background.svg"), CoreRepoFixture.svg("<g/>"));
        CliProcess.Result drifted = world.optedIn().run("check", "--json");
        assertThat(drifted.exitCode()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
        assertThat(item(json(drifted), BACKGROUND).get("action").asText()).isEqualTo("update");
        assertThat(item(json(drifted), LOGO).get("action").asText()).isEqualTo("unchanged");
    }

    @Test
    void inheritedGitDirDoesNotRedirectGit() throws Exception {
        Path decoy = Files.createDirectories(temp.resolve("decoy"));
        CoreRepoFixture.git(decoy, "init", "-q");
        CoreRepoFixture.write(decoy.resolve("x.txt"), "x");
        CoreRepoFixture.commit(decoy, "decoy");
        // If GIT_DIR were honoured, HEAD would not contain the logo, and the clean logo would look like an edit.
        CliProcess.Result plan = world.optedIn()
                .env("GIT_DIR", decoy.resolve(".git").toString()).env("GIT_WORK_TREE", decoy.toString())
                .run("plan", "--json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(item(json(plan), LOGO).get("action").asText()).isEqualTo("update");
        assertThat(item(json(plan), LOGO).get("note").asText()).contains("committed version");
    }

    @Test
    void whenGitCannotAnswerTheTargetIsTreatedAsALocalEdit() throws Exception {
        String blob = CoreRepoFixture.git(world.core, "rev-parse", "HEAD:" + LOGO).strip();
        Files.delete(world.core.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2)));
        CliProcess.Result plan = world.optedIn().run("apply", "--json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
        assertThat(item(json(plan), LOGO).get("action").asText()).isEqualTo("conflict");
        assertThat(item(json(plan), LOGO).get("note").asText()).contains("git could not answer");
        assertThat(content(LOGO)).isEqualTo(OLD_LOGO);
    }

    @Test
    void activeSvgSourceIsRefused() throws Exception {
        CoreRepoFixture.write(world.themes.resolve("mozaiks/login/resources/img/background.svg"),
                CoreRepoFixture.svg("<script>fetch('//evil')</script>"));
        Map<String, String> before = world.snapshot();
        CliProcess.Result apply = world.optedIn().run("apply", "--force", "--json");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(item(json(apply), BACKGROUND).get("note").asText()).contains("<script>");
        assertThat(world.snapshot()).isEqualTo(before);
    }

    @Test
    void malformedAllowlistNamesTheLine() throws Exception {
        CoreRepoFixture.write(world.allowlist, "# ok\nmozaiks/a.svg -> examples/other/a.svg\n");
        CliProcess.Result plan = world.optedIn().run("plan");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.ALLOWLIST_INVALID);
        assertOneLineError(plan);
        assertThat(plan.stderr()).contains("line 2", IMG);
    }

    @Test
    void flagsOverrideTheLauncherDefaults() throws Exception {
        Path other = temp.resolve("other-allowlist");
        CoreRepoFixture.write(other, "mozaiks/login/resources/img/logo.svg -> " + LOGO + "\n");
        CliProcess.Result plan = world.optedIn().run("plan", "--json", "--allowlist", other.toString(),
                "--themes", world.themes.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(json(plan).get("items")).hasSize(1);
    }

    @Test
    void helpShowsExamplesAndUsageErrorsAreOneLine() throws Exception {
        CliProcess.Result help = world.optedOut().run("--help");
        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(help.stdout()).contains("Examples:", "MOZAIKS_CORE_ROOT", "write-bundle", "Exit codes");
        CliProcess.Result applyHelp = world.optedOut().run("apply", "--help");
        assertThat(applyHelp.stdout()).contains("Examples:", "--force");

        CliProcess.Result usage = world.optedOut().run("plan", "--bogus");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneLineError(usage);
        assertThat(usage.stderr()).contains("--bogus", "--help");
        assertThat(world.optedOut().run().exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private void awaitTempFile(Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (world.tempFiles().isEmpty()) {
            assertThat(process.isAlive()).as("CLI exited before writing its temp file").isTrue();
            assertThat(System.nanoTime()).as("temp file did not appear").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
