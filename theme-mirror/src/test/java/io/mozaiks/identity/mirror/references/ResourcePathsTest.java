package io.mozaiks.identity.mirror.references;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcePathsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "css     | ../img/bg.png        | img/bg.png",
        "css     | ./../img/./bg.png    | img/bg.png",
        "css     | img/bg.png           | css/img/bg.png",
        "css/sub | ../../img/logo.svg   | img/logo.svg",
        "''      | img/logo.svg         | img/logo.svg",
        "''      | ./img//logo.svg      | img/logo.svg",
        "css     | a/../../img/x.png    | img/x.png"
    })
    void resolvesAgainstTheHoldersFolder(String folder, String relative, String expected) {
        assertThat(ResourcePaths.resolve(folder, relative)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "css     | ../../theme.properties",
        "css     | ../../../../../../etc/passwd",
        "''      | ../x.png",
        "css     | ..",
        "css     | ../",
        "css     | img/",
        "''      | ."
    })
    void refusesWhatLeavesTheResourcesFolderOrNamesNoFile(String folder, String relative) {
        assertThat(ResourcePaths.resolve(folder, relative)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"css/mozaiks.v12.css | css", "x.css | ''", "a/b/c.css | a/b"})
    void folderOf(String path, String folder) {
        assertThat(ResourcePaths.folderOf(path)).isEqualTo(folder);
    }
}
