package io.mozaiks.identity.mirror.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowlistParserTest {
    static final String IMG = "examples/keycloak/theme/mozaiks/login/resources/img/";

    @Test
    void theShippedAllowlistParses() throws Exception {
        // The module runs with theme-mirror/ as working folder; the allowlist lives in the repository's themes/.
        Allowlist allowlist = AllowlistParser.read(Path.of("..", "themes", "mirror-allowlist"));
        assertThat(allowlist.entries()).extracting(e -> e.source().toString()).containsExactly(
                "mozaiks/login/resources/img/logo.svg", "mozaiks/login/resources/img/bg.png");
        assertThat(allowlist.entries()).extracting(e -> e.target().toString()).containsExactly(
                IMG + "logo.svg", IMG + "bg.png");
    }

    @Test
    void commentsBlankLinesCrlfAndBom() throws Exception {
        Allowlist allowlist = AllowlistParser.parse("\uFEFF# comment\r\n\r\n  a/logo.png -> " + IMG + "logo.png  \r\n");
        assertThat(allowlist.entries()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.source().toString()).isEqualTo("a/logo.png");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a/logo.svg                                   | expected exactly one 'SOURCE -> TARGET'",
        "a/logo.svg => " + IMG + "logo.svg             | expected exactly one",
        "a/*.svg -> " + IMG + "logo.svg                | glob character '*'",
        "a/logo.svg -> " + IMG + "{a,b}.svg            | glob character '{'",
        "a/ -> " + IMG + "logo.svg                     | source is a folder",
        "a/logo.svg -> " + IMG                       + "| target is a folder",
        "../logo.svg -> " + IMG + "logo.svg            | '..' leaves the folder",
        "a/logo.svg -> /etc/logo.svg                   | absolute path",
        "a/logo.svg -> examples/keycloak/theme/mozaiks/login/logo.svg | target must be a file under " + IMG,
        "a/logo.svg -> " + IMG + "../logo.svg          | '..' leaves the folder",
        "a/run.sh -> " + IMG + "run.sh                 | extension 'sh' is not one of",
        "a/logo.png -> " + IMG + "logo.svg             | extensions differ",
        "a/logo.svg -> " + IMG + "logo.svg -> x        | expected exactly one",
        "a/logo.svg -> C:\\x\\logo.svg                 | Windows drive letter"
    })
    void malformedLinesFailWithLineNumberAndReason(String line, String reason) {
        String text = "# header\n\n" + line.strip() + "\n";
        assertThatThrownBy(() -> AllowlistParser.parse(text))
                .isInstanceOf(AllowlistException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining(reason.strip())
                .satisfies(e -> assertThat(((AllowlistException) e).line()).isEqualTo(3));
    }

    @Test
    void duplicateTargetsIncludingCaseAreRefused() {
        String text = "a/logo.svg -> " + IMG + "logo.svg\nb/logo.svg -> " + IMG + "LOGO.svg\n";
        assertThatThrownBy(() -> AllowlistParser.parse(text))
                .hasMessageContaining("line 2").hasMessageContaining("collides");
    }

    @Test
    void duplicateSourcesAreRefused() {
        String text = "a/logo.svg -> " + IMG + "logo.svg\na/logo.svg -> " + IMG + "other.svg\n";
        assertThatThrownBy(() -> AllowlistParser.parse(text)).hasMessageContaining("line 2").hasMessageContaining("duplicate");
    }

    @Test
    void emptyAllowlistIsMalformed() {
        assertThatThrownBy(() -> AllowlistParser.parse("# nothing\n")).hasMessageContaining("no entries");
    }
}
