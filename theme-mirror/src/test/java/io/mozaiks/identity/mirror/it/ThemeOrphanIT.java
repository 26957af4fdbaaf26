package io.mozaiks.identity.mirror.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.mirror.cli.ExitCodes;
import io.mozaiks.identity.mirror.content.ContentHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped allowlist and themes/ against a checkout shaped like mozaiks-core's login theme: theme.properties
 * names a versioned stylesheet, the background is {@code url('../img/bg.png?v=11')}, the logo comes from a
 * template, and the img folder holds bg.png and logo.svg. Then the same checkout with a stylesheet that shows
 * something else, so bg.png becomes an orphan.
 */
class ThemeOrphanIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THEME = "examples/keycloak/theme/mozaiks/login/";
    private static final String BG = THEME + "resources/img/bg.png";
    private static final String LOGO = THEME + "resources/img/logo.svg";
    private static final String STYLESHEET = THEME + "resources/css/mozaiks.v12.css";
    /** The repository's own allowlist and themes folder (failsafe runs in theme-mirror/). */
    private static final Path REPO_THEMES = Path.of("..", "themes").toAbsolutePath().normalize();

    /** The upstream shape, with every url() form a stylesheet may use. */
    private static final String UPSTREAM_CSS = "/* mozaiks login v12 */\n"
            + ".login-pf body { background: #1e1b4b url('../img/bg.png?v=11') no-repeat center / cover; }\n"
            + "@media (max-width: 575px) { body { background-image: url( \"../img/bg.png?v=11#small\" ); } }\n"
            + ".a { background: url(../img/bg.png?v=11) } .b { background: URL(  ../img/./bg.png  ) }\n"
            + ".c { background: url(data:image/png;base64,iVBORw0KGgo=) }\n"
            + ".d { font-family: x; src: url(https://fonts.example/x.woff2) }\n";

    @TempDir
    Path temp;
    Path core;
    Path state;

    @BeforeEach
    void createCheckout() throws Exception {
        core = Files.createDirectories(temp.resolve("mozaiks-core"));
        state = temp.resolve("state");
        CoreRepoFixture.git(core, "init", "-q", "-b", "main");
        CoreRepoFixture.write(core.resolve(THEME + "theme.properties"),
                "parent=keycloak.v2\nimport=common/keycloak\nstyles=css/styles.css css/mozaiks.v12.css\n");
        CoreRepoFixture.write(core.resolve(STYLESHEET), UPSTREAM_CSS);
        CoreRepoFixture.write(core.resolve(THEME + "login.ftl"), "<#import \"template.ftl\" as layout>\n"
                + "<@layout.registrationLayout; section>\n"
                + "  <img class=\"mozaiks-logo\" src=\"${url.resourcesPath}/img/logo.svg\" alt=\"mozaiks\">\n"
                + "</@layout.registrationLayout>\n");
        CoreRepoFixture.write(core.resolve(LOGO), CoreRepoFixture.OLD_LOGO);
        Files.write(core.resolve(BG), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3});
        CoreRepoFixture.commit(core, "upstream-shaped theme");
    }

    private CliProcess cli() {
        return new CliProcess(temp).defaults(REPO_THEMES.resolve("mirror-allowlist"), REPO_THEMES)
                .env("MOZAIKS_MIRROR_STATE_DIR", state.toString()).env("MOZAIKS_CORE_ROOT", core.toString());
    }

    private static JsonNode item(CliProcess.Result result, String target) throws Exception {
        for (JsonNode item : JSON.readTree(result.stdout()).get("items")) {
            if (item.get("target").asText().equals(target)) {
                return item;
            }
        }
        throw new AssertionError("no item for " + target + " in " + result);
    }

    @Test
    void upstreamShapedThemeShowsBgPngAndLogoAndNoOrphan() throws Exception {
        CliProcess.Result plan = cli().run("plan", "--json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(plan.stderr()).as(plan.toString()).isEmpty();
        JsonNode report = JSON.readTree(plan.stdout());
        assertThat(report.get("items")).extracting(item -> item.get("target").asText()).containsExactly(LOGO, BG);
        JsonNode bg = item(plan, BG);
        assertThat(bg.get("orphan").asBoolean()).isFalse();
        assertThat(bg.get("referencedBy")).extracting(JsonNode::asText).containsExactly(STYLESHEET);
        assertThat(bg.get("action").asText()).isEqualTo("update");
        JsonNode logo = item(plan, LOGO);
        assertThat(logo.get("orphan").asBoolean()).isFalse();
        assertThat(logo.get("referencedBy")).extracting(JsonNode::asText).containsExactly(THEME + "login.ftl");
        assertThat(report.get("themeFilesRead")).extracting(JsonNode::asText)
                .contains(THEME + "theme.properties", STYLESHEET, THEME + "login.ftl");
        assertThat(report.get("summary").asText()).doesNotContain("orphan");

        CliProcess.Result table = cli().run("plan");
        assertThat(table.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(table.stdout()).contains(BG, LOGO, "theme read: ").doesNotContain("orphan");

        CliProcess.Result apply = cli().run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.OK);
        assertThat(core.resolve(BG)).hasSameBinaryContentAs(REPO_THEMES.resolve("mozaiks/login/resources/img/bg.png"));
        assertThat(core.resolve(LOGO)).hasSameBinaryContentAs(REPO_THEMES.resolve("mozaiks/login/resources/img/logo.svg"));
        assertThat(core.resolve(THEME + "resources/img/background.svg")).doesNotExist();

        CliProcess.Result check = cli().run("check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
        assertThat(check.stderr()).isEmpty();
    }

    @Test
    void aStylesheetShowingSomethingElseMakesBgPngAnOrphan() throws Exception {
        CoreRepoFixture.write(core.resolve(STYLESHEET), ".login-pf body { background: url('../img/bg.jpg?v=12') }\n"
                + "/* url(../img/bg.png?v=11) was the old background */\n"
                + ".x::after { content: \"url(../img/bg.png)\" }\n");
        CoreRepoFixture.commit(core, "background moved to bg.jpg");

        CliProcess.Result plan = cli().run("plan", "--json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        JsonNode bg = item(plan, BG);
        assertThat(bg.get("orphan").asBoolean()).isTrue();
        assertThat(bg.get("referencedBy")).isEmpty();
        assertThat(bg.get("note").asText()).startsWith("orphan: nothing in the target theme references img/bg.png")
                .contains(STYLESHEET);
        assertThat(item(plan, LOGO).get("orphan").asBoolean()).isFalse();
        assertThat(plan.stderr().strip()).startsWith("theme-mirror: 1 target(s) are orphans").contains(BG)
                .doesNotContain("\n");
        assertThat(JSON.readTree(plan.stdout()).get("summary").asText()).endsWith("; 1 orphan(s)");

        // apply still writes the allowlisted file (nothing is lost) and says that nothing shows it.
        CliProcess.Result apply = cli().run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.OK);
        assertThat(apply.stdout()).contains("orphan: nothing in the target theme references img/bg.png");
        assertThat(apply.stderr()).contains("orphans", BG, "written anyway");
        assertThat(core.resolve(BG)).hasSameBinaryContentAs(REPO_THEMES.resolve("mozaiks/login/resources/img/bg.png"));

        // In sync, but an orphan: check fails with its own exit code, unless told to allow orphans.
        CliProcess.Result check = cli().run("check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.ORPHAN);
        assertThat(check.stdout()).contains("all 2 target(s) match their sources; 1 orphan(s)");
        assertThat(check.stderr().strip()).startsWith("theme-mirror: 1 target(s) are orphans").contains("--allow-orphans");

        CliProcess.Result allowed = cli().run("check", "--allow-orphans", "--json");
        assertThat(allowed.exitCode()).as(allowed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(item(allowed, BG).get("orphan").asBoolean()).isTrue();
        assertThat(JSON.readTree(allowed.stdout()).get("summary").asText()).endsWith("1 orphan(s) (allowed)");
    }

    @Test
    void driftIsReportedBeforeAnOrphan() throws Exception {
        CoreRepoFixture.write(core.resolve(STYLESHEET), "body { background: url(../img/other.png) }\n");
        CoreRepoFixture.commit(core, "no bg.png");
        CliProcess.Result check = cli().run("check", "--allow-orphans");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
        assertThat(cli().run("check").exitCode()).isEqualTo(ExitCodes.DRIFT_OR_CONFLICT);
    }

    @Test
    void withoutThemePropertiesEveryTargetIsAnOrphanAndTheNoteSaysWhy() throws Exception {
        Files.delete(core.resolve(THEME + "theme.properties"));
        Map<String, String> before = Map.of(BG, sha(core.resolve(BG)), LOGO, sha(core.resolve(LOGO)));
        CliProcess.Result plan = cli().run("plan", "--json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(item(plan, BG).get("orphan").asBoolean()).isTrue();
        assertThat(item(plan, LOGO).get("orphan").asBoolean()).isTrue();
        assertThat(JSON.readTree(plan.stdout()).get("themeNotes")).extracting(JsonNode::asText)
                .anyMatch(note -> note.contains(THEME + "theme.properties does not exist"));
        assertThat(Map.of(BG, sha(core.resolve(BG)), LOGO, sha(core.resolve(LOGO)))).isEqualTo(before);
    }

    @Test
    void aStylesheetReferenceThatLeavesTheThemeIsIgnoredWithANote() throws Exception {
        CoreRepoFixture.write(core.resolve(STYLESHEET), "body { background: url('../../../../../../../img/bg.png?v=11') }\n");
        CoreRepoFixture.commit(core, "escaping reference");
        CliProcess.Result plan = cli().run("plan");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(plan.stdout()).contains("theme note: " + STYLESHEET + ": '../../../../../../../img/bg.png?v=11'"
                + " ignored: it leaves the theme's resources folder");
        assertThat(plan.stderr()).contains("orphans", BG);
    }

    @Test
    void aPngSourceThatIsNotAPngIsRefusedAndNothingIsWritten() throws Exception {
        Path themes = temp.resolve("identity/themes");
        CoreRepoFixture.write(themes.resolve("mirror-allowlist"), "mozaiks/login/resources/img/bg.png -> " + BG + "\n");
        CoreRepoFixture.write(themes.resolve("mozaiks/login/resources/img/bg.png"),
                "version https://git-lfs.github.com/spec/v1\noid sha256:0000\nsize 18103\n");
        String before = sha(core.resolve(BG));
        CliProcess.Result apply = new CliProcess(temp).defaults(themes.resolve("mirror-allowlist"), themes)
                .env("MOZAIKS_MIRROR_STATE_DIR", state.toString()).env("MOZAIKS_CORE_ROOT", core.toString())
                .run("apply", "--json");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(item(apply, BG).get("note").asText()).contains("PNG signature");
        assertThat(sha(core.resolve(BG))).isEqualTo(before);
    }

    private static String sha(Path file) throws Exception {
        return ContentHash.of(Files.readAllBytes(file)).sha256();
    }
}
