package io.mozaiks.identity.mirror.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.mirror.cli.ExitCodes;
import io.mozaiks.identity.mirror.content.ContentHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteBundleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    Path work;
    Path outside;

    @BeforeEach
    void folders() throws Exception {
        work = Files.createDirectories(temp.resolve("work"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
    }

    private CliProcess cli() {
        // No MOZAIKS_CORE_ROOT: write-bundle needs no opt-in.
        return new CliProcess(work).env("MOZAIKS_MIRROR_STATE_DIR", temp.resolve("state").toString());
    }

    private static String bundle(String... pathsAndContents) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("workflow", "app-generator");
        ArrayNode files = root.putArray("code_files");
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.addObject().put("path", pathsAndContents[i]).put("content", pathsAndContents[i + 1]);
        }
        return JSON.writeValueAsString(root);
    }

    private Path input(String json) throws Exception {
        Path file = temp.resolve("input-" + System.nanoTime() + ".json");
        Files.writeString(file, json);
        return file;
    }

    private List<String> workEntries() throws Exception {
        try (Stream<Path> list = Files.list(work)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertOutsideUntouched() throws Exception {
        try (Stream<Path> list = Files.list(outside)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void validBundleIsWrittenExactly() throws Exception {
        String python = "print('h\u00e9llo')\n";
        CliProcess.Result result = cli().run("write-bundle", "--out", "app", "--json",
                input(bundle("src/main.py", python, "README.md", "# app\n", ".github/workflows/ci.yml", "on: push\n")).toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(work.resolve("app/src/main.py")).hasContent(python);
        assertThat(work.resolve("app/README.md")).hasContent("# app\n");
        assertThat(work.resolve("app/.github/workflows/ci.yml")).hasContent("on: push\n");
        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.get("files").get(0).get("sha256").asText())
                .isEqualTo(ContentHash.of(python.getBytes(StandardCharsets.UTF_8)).sha256());
        assertThat(workEntries()).containsExactly("app"); // no staging folder left beside it
    }

    @Test
    void stdinIsTheDefaultInput() throws Exception {
        CliProcess.Result result = cli().runWithStdin(bundle("a.txt", "A"), "write-bundle", "--out", "app");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(work.resolve("app/a.txt")).hasContent("A");
        assertThat(result.stdout()).contains("1 file(s) written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/cron.d/x", "C:\\Windows\\x.dll", "src\\..\\..\\x", "a/CON.txt",
        "a/NUL", ".git/hooks/pre-commit", "x/COM\u00B9", "file.txt:stream", "a/b\u0000.txt", "a/./b", "a//b", "dir./x",
        "\\\\server\\share\\x", "GIT~1/config", "a/\u202Etxt.exe"})
    void hostileEntryRefusesTheWholeBundle(String hostile) throws Exception {
        CliProcess.Result result = cli().run("write-bundle", "--out", "app",
                input(bundle("ok/first.txt", "fine", hostile, "evil")).toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.stderr().strip()).doesNotContain("\n").contains("code_files[1]", "nothing was written");
        assertThat(workEntries()).isEmpty(); // not even the valid first entry, and no staging folder
        assertOutsideUntouched();
        assertThat(temp.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void caseCollidingEntriesAreRefused() throws Exception {
        CliProcess.Result result = cli().run("write-bundle", "--out", "app",
                input(bundle("src/Main.java", "a", "src/main.java", "b")).toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.stderr()).contains("code_files[1]", "collides");
        assertThat(workEntries()).isEmpty();
    }

    @Test
    void limitsAreReportedWithTheirOwnExitCode() throws Exception {
        Path json = input(bundle("a", "1", "b", "2", "c", "3"));
        CliProcess.Result count = cli().run("write-bundle", "--out", "app", "--max-files", "2", json.toString());
        assertThat(count.exitCode()).as(count.toString()).isEqualTo(ExitCodes.LIMIT_EXCEEDED);
        assertThat(count.stderr()).contains("3 files, above the limit of 2 (--max-files)");

        CliProcess.Result size = cli().run("write-bundle", "--out", "app", "--max-total-bytes", "2", json.toString());
        assertThat(size.exitCode()).isEqualTo(ExitCodes.LIMIT_EXCEEDED);
        assertThat(size.stderr()).contains("--max-total-bytes");
        assertThat(workEntries()).isEmpty();

        CliProcess.Result raise = cli().run("write-bundle", "--out", "app", "--max-files", "1000000", json.toString());
        assertThat(raise.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(raise.stderr()).contains("flags can only lower it");
    }

    @Test
    void symlinkPlantedInsideDirIsNeverFollowed() throws Exception {
        Path app = Files.createDirectories(work.resolve("app"));
        Files.createSymbolicLink(app.resolve("src"), outside);
        Path json = input(bundle("src/keep.txt", "overwritten?", "src/new.txt", "new"));

        CliProcess.Result refused = cli().run("write-bundle", "--out", "app", json.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.stderr()).contains("not empty", "--replace");
        assertOutsideUntouched();

        CliProcess.Result replaced = cli().run("write-bundle", "--out", "app", "--replace", json.toString());
        assertThat(replaced.exitCode()).as(replaced.toString()).isEqualTo(ExitCodes.OK);
        assertOutsideUntouched();
        assertThat(Files.isSymbolicLink(app.resolve("src"))).isFalse();
        assertThat(app.resolve("src/keep.txt")).hasContent("overwritten?");
        assertThat(app.resolve("src/new.txt")).hasContent("new");
        assertThat(workEntries()).containsExactly("app");
    }

    @Test
    void symlinkAtDirsPlaceIsRefused() throws Exception {
        Files.createSymbolicLink(work.resolve("app"), outside);
        CliProcess.Result result = cli().run("write-bundle", "--out", "app", "--replace",
                input(bundle("keep.txt", "evil", "x.txt", "evil")).toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.stderr()).contains("symbolic link");
        assertOutsideUntouched();
        assertThat(Files.isSymbolicLink(work.resolve("app"))).isTrue();
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        CliProcess.Result result = cli().runWithStdin("{\"code_files\": [ {\"path\": \"a\"", "write-bundle", "--out", "app", "-");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.stderr()).contains("not valid JSON");
        assertThat(workEntries()).isEmpty();
    }
}
