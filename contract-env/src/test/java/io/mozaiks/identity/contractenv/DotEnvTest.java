package io.mozaiks.identity.contractenv;

import io.mozaiks.identity.contractenv.DotEnv.Reading;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvTest {

    @Test
    void strictReadsBackExactlyWhatRenderWrote() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("AUTH_ISSUER", "http://[::1]:8080/realms/mozaiks");
        vars.put("AUTH_ALLOWED_CLIENT_IDS", "a,b");
        vars.put("EMPTY", "");
        String text = DotEnv.comment("header\nEVIL=1") + DotEnv.render(vars);
        assertThat(text).startsWith("# header?EVIL=1\n");
        assertThat(DotEnv.parse(text)).containsExactlyEntriesOf(vars);
        assertThat(DotEnv.parse(text.replace("\n", "\r\n"))).containsExactlyEntriesOf(vars);
    }

    @Test
    void strictRefusesWhatRenderNeverWrites() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\nnot a variable\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a NAME=value line: not a variable");
        assertThatThrownBy(() -> DotEnv.parse("=value")).isInstanceOf(IllegalArgumentException.class);
        // Quotes and export are not undone: the strict reading is render's inverse, nothing else.
        assertThat(DotEnv.parse("A=\"x\"", Reading.STRICT)).containsExactly(Map.entry("A", "\"x\""));
    }

    @Test
    void lenientReadsWhatPeopleWrite() {
        String text = """
                # a comment
                export AUTH_ISSUER = "https://id.example.com/realms/r"
                JWT_AUDIENCE='mozaiks-api'
                  SKIP_AUTH=false  \r
                not a variable
                =no name
                HALF="open
                """;
        assertThat(DotEnv.parse(text, Reading.LENIENT)).containsExactly(
                Map.entry("AUTH_ISSUER", "https://id.example.com/realms/r"),
                Map.entry("JWT_AUDIENCE", "mozaiks-api"),
                Map.entry("SKIP_AUTH", "false"),
                Map.entry("HALF", "\"open"));
    }

    @Test
    void renderRefusesInsteadOfQuoting() {
        for (String hostile : new String[] {"a b", "x\nB=1", "$(id)", "`id`", "a\"b", "a'b", "a#b", "a;b", "a\\b"}) {
            assertThat(DotEnv.isPlainValue(hostile)).as(hostile).isFalse();
            assertThatThrownBy(() -> DotEnv.render(Map.of("A", hostile))).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> DotEnv.requirePlain("lower", "x")).isInstanceOf(IllegalStateException.class)
                .hasMessage("refusing variable name lower");
        assertThat(DotEnv.isPlainValue("")).isFalse();
        assertThat(DotEnv.isPlainValue(null)).isFalse();
    }
}
