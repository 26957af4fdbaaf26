package io.mozaiks.identity.mirror.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemePropertiesTest {

    private static ThemeProperties parse(String text) throws Exception {
        return ThemeProperties.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsParentImportAndSpaceSeparatedStyles() throws Exception {
        ThemeProperties properties = parse("# upstream shape\nparent=keycloak.v2\nimport=common/keycloak\n"
                + "styles=css/styles.css   css/mozaiks.v12.css\nlocales=en\n");
        assertThat(properties.parent()).contains("keycloak.v2");
        assertThat(properties.imports()).containsExactly("common/keycloak");
        assertThat(properties.styles()).contains(List.of("css/styles.css", "css/mozaiks.v12.css"));
    }

    @Test
    void continuationLinesAndCommaImportsAndMissingKeys() throws Exception {
        ThemeProperties properties = parse("styles=css/a.css \\\n    css/b.css\nimport=common/keycloak, common/x\n");
        assertThat(properties.styles()).contains(List.of("css/a.css", "css/b.css"));
        assertThat(properties.imports()).containsExactly("common/keycloak", "common/x");
        assertThat(properties.parent()).isEmpty();
        assertThat(parse("parent=\n").styles()).isEmpty();
    }

    @Test
    void anEmptyStylesListIsPresentButEmpty() throws Exception {
        assertThat(parse("styles=\n").styles()).contains(List.of());
    }
}
