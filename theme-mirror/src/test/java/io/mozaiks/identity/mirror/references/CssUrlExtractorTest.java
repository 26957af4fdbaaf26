package io.mozaiks.identity.mirror.references;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CssUrlExtractorTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "body { background: url(../img/bg.png?v=11) }",
        "body { background: url('../img/bg.png?v=11') }",
        "body { background: url(\"../img/bg.png?v=11\") }",
        "body { background: URL( '../img/bg.png?v=11'  ) }",
        "body { background: url(\n  ../img/bg.png?v=11\t) }",
        "body{background-image:url(../img/bg.png?v=11)}"
    })
    void everyUrlFormYieldsTheSameReference(String css) {
        assertThat(CssUrlExtractor.references(css)).containsExactly("../img/bg.png?v=11");
    }

    @Test
    void upstreamShapedStylesheet() {
        String css = ".login-pf body { background: #1e1b4b url('../img/bg.png?v=11') no-repeat center / cover; }\n"
                + "#kc-header-wrapper { background-image: url(\"../img/logo.svg\"); }\n";
        assertThat(CssUrlExtractor.references(css)).containsExactly("../img/bg.png?v=11", "../img/logo.svg");
    }

    @Test
    void commentsAndOrdinaryStringsAreNotReferences() {
        String css = "/* background: url(../img/old.png) */\n"
                + ".a::before { content: \"url(../img/text.png)\"; }\n"
                + ".b { background: url(../img/real.png) } /* unterminated url( in a comment";
        assertThat(CssUrlExtractor.references(css)).containsExactly("../img/real.png");
    }

    @Test
    void importsAreReferencesInBothForms() {
        String css = "@import \"base.css\";\n@import url('more.css') screen;\n@IMPORT 'third.css';\n"
                + ".x { font-family: \"Not An Import\" }";
        assertThat(CssUrlExtractor.references(css)).containsExactly("base.css", "more.css", "third.css");
    }

    @Test
    void identifiersEndingInUrlAreNotUrlFunctions() {
        assertThat(CssUrlExtractor.references(".a { --x: myurl(a.png); b: url(b.png) }")).containsExactly("b.png");
    }

    @Test
    void escapedQuotesAndParenthesesStayInTheValue() {
        assertThat(CssUrlExtractor.references(".a { b: url('it\\'s.png') }")).containsExactly("it's.png");
        assertThat(CssUrlExtractor.references(".a { b: url(a\\).png) }")).containsExactly("a).png");
        assertThat(CssUrlExtractor.references(".a { b: url(../img/b\\67 .png) }")).containsExactly("../img/bg.png");
        assertThat(CssUrlExtractor.references(".a { b: url(\"../img/b\\67.png\") }")).containsExactly("../img/bg.png");
    }

    @Test
    void unterminatedInputIsNotAReference() {
        assertThat(CssUrlExtractor.references(".a { b: url('x.png }")).isEmpty();
        assertThat(CssUrlExtractor.references(".a { b: url(x.png")).isEmpty();
    }

    @Property
    void quotingWhitespaceQueryAndFragmentNeverChangeTheResolvedFile(@ForAll("urlForms") String[] form) {
        String path = form[0];
        String css = ".x { background: " + form[1] + "; }";
        assertThat(CssUrlExtractor.references(css)).hasSize(1);
        UrlReference reference = UrlReference.parse(CssUrlExtractor.references(css).get(0));
        assertThat(reference.kind()).isEqualTo(UrlReference.Kind.RELATIVE);
        assertThat(reference.path()).isEqualTo(path);
        assertThat(ResourcePaths.resolve("css", reference.path())).contains("img/" + path.substring("../img/".length()));
    }

    /** [path, css url() expression]: a relative path, quoted any way, padded, with an optional query/fragment. */
    @Provide
    Arbitrary<String[]> urlForms() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', '.')
                .ofMinLength(1).ofMaxLength(12).filter(n -> !n.startsWith(".")).map(n -> "../img/" + n + ".png");
        Arbitrary<String> quote = Arbitraries.of("", "'", "\"");
        Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t", "\n ");
        Arbitrary<String> tail = Arbitraries.of("", "?v=11", "?v=11&x=y", "#frag", "?v=2#top", "?", "#");
        Arbitrary<String> url = Arbitraries.of("url", "URL", "Url");
        return Combinators.combine(name, quote, space, tail, url).as((path, q, s, t, u) ->
                new String[] {path, u + "(" + s + q + path + t + q + s + ")"});
    }
}
