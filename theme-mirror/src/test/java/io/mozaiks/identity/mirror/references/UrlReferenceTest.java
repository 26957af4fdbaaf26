package io.mozaiks.identity.mirror.references;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../img/bg.png?v=11           | RELATIVE        | ../img/bg.png",
        "../img/bg.png#top            | RELATIVE        | ../img/bg.png",
        "img/bg.png?v=1#x             | RELATIVE        | img/bg.png",
        "'  img/logo.svg  '           | RELATIVE        | img/logo.svg",
        "img/my%20logo.svg            | RELATIVE        | img/my logo.svg",
        "data:image/png;base64,AAAA   | DATA            | ",
        "DATA:image/svg+xml,<svg/>    | DATA            | ",
        "https://cdn.example/bg.png   | ABSOLUTE_URL    | ",
        "http://cdn.example/bg.png    | ABSOLUTE_URL    | ",
        "//cdn.example/bg.png         | ABSOLUTE_URL    | ",
        "C:/img/bg.png                | ABSOLUTE_URL    | ",
        "#gradient                    | FRAGMENT_ONLY   | ",
        "/resources/x/img/bg.png      | SERVER_ABSOLUTE | ",
        "img/${name}.png              | DYNAMIC         | ",
        "''                           | UNUSABLE        | ",
        "?v=11                        | UNUSABLE        | ",
        "img\\bg.png                  | UNUSABLE        | ",
        "img/bad%zz.png               | UNUSABLE        | ",
        "img/bad%ff.png               | UNUSABLE        | ",
        "img/%00.png                  | UNUSABLE        | "
    })
    void classifiesAndStripsQueryAndFragment(String raw, UrlReference.Kind kind, String path) {
        UrlReference reference = UrlReference.parse(raw);
        assertThat(reference.kind()).as(raw).isEqualTo(kind);
        assertThat(reference.path()).as(raw).isEqualTo(path);
        assertThat(reference.whyIgnored().isEmpty()).isEqualTo(kind == UrlReference.Kind.RELATIVE);
    }
}
