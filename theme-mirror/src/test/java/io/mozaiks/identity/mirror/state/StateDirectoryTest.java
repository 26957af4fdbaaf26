package io.mozaiks.identity.mirror.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
    @Test
    void overrideWins() {
        assertThat(StateDirectory.locate(Map.of("MOZAIKS_MIRROR_STATE_DIR", "/tmp/s", "XDG_STATE_HOME", "/x"), false, "/home/me"))
                .containsExactly("/tmp/s");
    }

    @Test
    void xdgStateHome() {
        assertThat(StateDirectory.locate(Map.of("XDG_STATE_HOME", "/home/me/.st"), false, "/home/me"))
                .containsExactly("/home/me/.st", "mozaiks", "theme-mirror");
    }

    @Test
    void relativeXdgIsIgnoredPerSpec() {
        assertThat(StateDirectory.locate(Map.of("XDG_STATE_HOME", "rel"), false, "/home/me"))
                .containsExactly("/home/me", ".local", "state", "mozaiks", "theme-mirror");
    }

    @Test
    void windowsLocalAppData() {
        assertThat(StateDirectory.locate(Map.of("LOCALAPPDATA", "C:\\Users\\me\\AppData\\Local"), true, "C:\\Users\\me"))
                .containsExactly("C:\\Users\\me\\AppData\\Local", "mozaiks", "theme-mirror");
        assertThat(StateDirectory.locate(Map.of(), true, "C:\\Users\\me"))
                .containsExactly("C:\\Users\\me", "AppData", "Local", "mozaiks", "theme-mirror");
    }

    @Test
    void refusesAStateFolderInsideARepository(@TempDir Path temp) throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        assertThatThrownBy(() -> StateDirectory.prepare(List.of(repo.resolve(".state").toString()), List.of(repo.toRealPath())))
                .hasMessageContaining("inside the repository");
        Path ok = StateDirectory.prepare(List.of(temp.resolve("state").toString(), "mozaiks"), List.of(repo.toRealPath()));
        assertThat(ok).isDirectory();
    }

    @Test
    void rootKeyIsStableAndPathSpecific(@TempDir Path temp) {
        assertThat(RootKey.of(temp)).isEqualTo(RootKey.of(temp)).hasSize(24).isNotEqualTo(RootKey.of(temp.resolve("x")));
    }
}
