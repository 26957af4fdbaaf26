package io.mozaiks.identity.mirror.references;

import static org.assertj.core.api.Assertions.assertThat;

import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans real theme folders on disk, laid out like mozaiks-core's examples/keycloak/theme/. */
class ThemeReferenceScannerTest {
    private static final List<String> RESOURCES = List.of("examples", "keycloak", "theme", "mozaiks", "login", "resources");

    @TempDir
    Path checkout;

    private Path theme(String name) {
        return checkout.resolve("examples").resolve("keycloak").resolve("theme").resolve(name).resolve("login");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private ThemeReferences scan() throws IOException {
        return ThemeReferenceScanner.scan(SafeRoot.open(checkout), RelativePath.of("examples/keycloak/theme"),
                "mozaiks", "login");
    }

    /** The shape of mozaiks-core's theme: styles= names a versioned stylesheet, the background has a ?v= query. */
    private void upstreamShape() throws IOException {
        Path login = theme("mozaiks");
        write(login.resolve("theme.properties"), "parent=keycloak.v2\nimport=common/keycloak\n"
                + "styles=css/styles.css css/mozaiks.v12.css\n");
        write(login.resolve("resources/css/mozaiks.v12.css"),
                "body { background: #1e1b4b url('../img/bg.png?v=11') no-repeat; }\n");
        write(login.resolve("login.ftl"), "<img src=\"${url.resourcesPath}/img/logo.svg\">\n");
        write(login.resolve("resources/img/bg.png"), "png");
        write(login.resolve("resources/img/logo.svg"), "<svg/>");
    }

    @Test
    void upstreamShapeReferencesTheBackgroundAndTheLogo() throws IOException {
        upstreamShape();
        ThemeReferences references = scan();
        assertThat(references.referencesTo("img/bg.png")).containsExactly("examples/keycloak/theme/mozaiks/login/resources/css/mozaiks.v12.css");
        assertThat(references.referencesTo("img/logo.svg"))
                .containsExactly("examples/keycloak/theme/mozaiks/login/login.ftl");
        assertThat(references.referencesTo("img/background.svg")).isEmpty();
        assertThat(references.filesRead()).contains("examples/keycloak/theme/mozaiks/login/theme.properties",
                "examples/keycloak/theme/mozaiks/login/resources/css/mozaiks.v12.css");
        assertThat(references.notes()).anyMatch(note -> note.contains("parent theme 'keycloak.v2' is not in this checkout"));
        assertThat(references.notes()).anyMatch(note -> note.contains("stylesheet css/styles.css is not in"));

        TargetUsage background = TargetUsage.of(references,
                RelativePath.of("examples/keycloak/theme/mozaiks/login/resources/img/background.svg"), RESOURCES);
        assertThat(background.orphan()).isTrue();
        assertThat(TargetUsage.of(references,
                RelativePath.of("examples/keycloak/theme/mozaiks/login/resources/img/bg.png"), RESOURCES).orphan()).isFalse();
    }

    @Test
    void onlyStylesheetsNamedByStylesCount() throws IOException {
        upstreamShape();
        write(theme("mozaiks").resolve("resources/css/unused.css"), "body { background: url(../img/other.png) }");
        assertThat(scan().referencesTo("img/other.png")).isEmpty();
    }

    @Test
    void importedStylesheetsAreFollowedOnceEvenInACycle() throws IOException {
        Path login = theme("mozaiks");
        write(login.resolve("theme.properties"), "styles=css/a.css\n");
        write(login.resolve("resources/css/a.css"), "@import 'b.css';\n");
        write(login.resolve("resources/css/b.css"), "@import url(a.css);\n.x { background: url(\"../img/bg.png\") }");
        ThemeReferences references = scan();
        assertThat(references.referencesTo("img/bg.png")).containsExactly("examples/keycloak/theme/mozaiks/login/resources/css/b.css");
        assertThat(references.referencesTo("css/b.css")).containsExactly("examples/keycloak/theme/mozaiks/login/resources/css/a.css");
    }

    @Test
    void aParentInTheCheckoutProvidesInheritedStylesAndTemplates() throws IOException {
        write(theme("mozaiks").resolve("theme.properties"), "parent=mozaiks-base\n");
        write(theme("mozaiks-base").resolve("theme.properties"), "parent=keycloak.v2\nstyles=css/base.css\n");
        write(theme("mozaiks-base").resolve("resources/css/base.css"), ".x { background: url(../img/bg.png) }");
        write(theme("mozaiks-base").resolve("template.ftl"), "<img src=\"${url.resourcesPath}/img/logo.svg\">");
        ThemeReferences references = scan();
        assertThat(references.referencesTo("img/bg.png")).containsExactly("examples/keycloak/theme/mozaiks-base/login/resources/css/base.css");
        assertThat(references.referencesTo("img/logo.svg")).hasSize(1);
    }

    @Test
    void aParentCycleStops() throws IOException {
        write(theme("mozaiks").resolve("theme.properties"), "parent=other\nstyles=css/a.css\n");
        write(theme("other").resolve("theme.properties"), "parent=mozaiks\n");
        write(theme("mozaiks").resolve("resources/css/a.css"), ".x { background: url(../img/bg.png) }");
        ThemeReferences references = scan();
        assertThat(references.referencesTo("img/bg.png")).hasSize(1);
        assertThat(references.notes()).anyMatch(note -> note.contains("loops"));
    }

    @Test
    void referencesThatLeaveTheThemeAndAbsoluteUrlsAreIgnoredWithANote() throws IOException {
        Path login = theme("mozaiks");
        write(login.resolve("theme.properties"), "styles=css/a.css ../../../../../../secret.css\n");
        write(login.resolve("resources/css/a.css"), ".a { background: url(../../theme.properties) }\n"
                + ".b { background: url(https://cdn.example/bg.png) }\n"
                + ".c { background: url(data:image/png;base64,AAAA) }\n");
        write(checkout.resolve("secret.css"), ".s { background: url(img/bg.png) }");
        ThemeReferences references = scan();
        assertThat(references.referencedBy()).isEmpty();
        assertThat(references.notes())
                .anyMatch(note -> note.contains("leaves the theme's resources folder"))
                .anyMatch(note -> note.contains("an absolute URL"))
                .anyMatch(note -> note.contains("styles=../../../../../../secret.css is not a stylesheet inside"))
                .noneMatch(note -> note.contains("data:"));
        assertThat(references.filesRead()).noneMatch(file -> file.contains("secret"));
    }

    @Test
    void aLinkedStylesheetIsRefusedNotFollowed() throws IOException {
        Path login = theme("mozaiks");
        write(login.resolve("theme.properties"), "styles=css/a.css\n");
        Path outside = checkout.resolve("outside.css");
        write(outside, ".x { background: url(../img/bg.png) }");
        Files.createDirectories(login.resolve("resources/css"));
        Files.createSymbolicLink(login.resolve("resources/css/a.css"), outside);
        ThemeReferences references = scan();
        assertThat(references.referencedBy()).isEmpty();
        assertThat(references.notes()).anyMatch(note -> note.contains("symbolic link"));
    }

    @Test
    void missingThemePropertiesReferencesNothingAndSaysSo() throws IOException {
        Files.createDirectories(theme("mozaiks").resolve("resources/img"));
        ThemeReferences references = scan();
        assertThat(references.referencedBy()).isEmpty();
        assertThat(references.notes()).anyMatch(note -> note.contains("theme.properties")
                && note.contains("does not exist"));
    }
}
