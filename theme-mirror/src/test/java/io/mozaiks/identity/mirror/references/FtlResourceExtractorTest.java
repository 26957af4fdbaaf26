package io.mozaiks.identity.mirror.references;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtlResourceExtractorTest {

    @Test
    void findsResourcesPathReferencesInAttributesAndInlineStyles() {
        String ftl = "<#import \"template.ftl\" as layout>\n"
                + "<img src=\"${url.resourcesPath}/img/logo.svg\" alt=\"mozaiks\">\n"
                + "<div style=\"background: url(${url.resourcesPath}/img/bg.png?v=11)\"></div>\n"
                + "<link rel='stylesheet' href='${ url.resourcesPath }/css/extra.css'>\n";
        assertThat(FtlResourceExtractor.references(ftl))
                .containsExactly("img/logo.svg", "img/bg.png?v=11", "css/extra.css");
    }

    @Test
    void ignoresCommentsCommonPathAndBarePath() {
        String ftl = "<#-- <img src=\"${url.resourcesPath}/img/old.svg\"> -->\n"
                + "<link href=\"${url.resourcesCommonPath}/lib/pf.css\">\n"
                + "<script>var base = \"${url.resourcesPath}\";</script>\n";
        assertThat(FtlResourceExtractor.references(ftl)).isEmpty();
    }

    @Test
    void dynamicReferencesAreReturnedForTheClassifierToIgnore() {
        assertThat(FtlResourceExtractor.references("<img src=\"${url.resourcesPath}/img/${realm.name}.svg\">"))
                .singleElement()
                .satisfies(raw -> assertThat(UrlReference.parse(raw).kind()).isEqualTo(UrlReference.Kind.DYNAMIC));
    }
}
