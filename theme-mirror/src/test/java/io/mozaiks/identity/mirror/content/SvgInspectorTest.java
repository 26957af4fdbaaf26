package io.mozaiks.identity.mirror.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SvgInspectorTest {
    private static final String OPEN = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 10 10'>";

    private static byte[] svg(String body) {
        return (OPEN + body + "</svg>").getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<rect width='10' height='10' fill='#123'/>",
        "<defs><linearGradient id='g'><stop offset='0'/></linearGradient></defs><rect fill='url(#g)'/>",
        "<use href='#shape'/><use xlink:href='#shape'/>",
        "<style>.a{fill:red}</style><title>Logo</title>",
        "<text>onload is just text</text>"
    })
    void passiveSvgIsAccepted(String body) {
        assertThat(SvgInspector.activeContent(svg(body))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<script>alert(1)</script>                                  | <script>",
        "<rect onload='alert(1)'/>                                  | event handler",
        "<rect ONCLICK='x()'/>                                      | event handler",
        "<foreignObject><div/></foreignObject>                      | <foreignObject>",
        "<image href='https://evil.example/x.png'/>                 | external reference",
        "<image xlink:href='data:image/svg+xml;base64,AAAA'/>       | external reference",
        "<a href='javascript:alert(1)'><rect/></a>                  | external reference",
        "<use href='other.svg#x'/>                                  | external reference",
        "<rect style='fill:url(https://evil.example/a)'/>           | external reference",
        "<rect fill='url(\"http://x/y\")'/>                         | external reference",
        "<style>@import url(https://evil.example/a.css);</style>    | @import",
        "<style>.a{background:url(//evil.example/x)}</style>        | external reference",
        "<set attributeName='href' to='javascript:alert(1)'/>        | rewrites href",
        "<animate attributeName='onbegin'/>                         | rewrites onbegin",
        "<iframe src='x'/>                                          | <iframe>",
        "<handler type='text/ecmascript'>x</handler>                | <handler>"
    })
    void activeContentIsRefused(String body, String reason) {
        assertThat(SvgInspector.activeContent(svg(body.strip()))).get().asString().contains(reason.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>",
        "<?xml-stylesheet href='https://evil.example/x.css'?><svg xmlns='http://www.w3.org/2000/svg'/>",
        "<html><script/></html>",
        "not xml at all",
        "<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>"
    })
    void malformedOrTrickyDocumentsAreRefused(String document) {
        assertThat(SvgInspector.activeContent(document.getBytes(StandardCharsets.UTF_8))).isPresent();
    }
}
