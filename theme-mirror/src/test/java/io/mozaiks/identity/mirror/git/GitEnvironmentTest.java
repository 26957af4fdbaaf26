package io.mozaiks.identity.mirror.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitEnvironmentTest {
    @Test
    void inheritedGitVariablesAreRemoved() {
        Map<String, String> env = new HashMap<>(Map.of("GIT_DIR", "/elsewhere/.git", "GIT_WORK_TREE", "/elsewhere",
                "git_index_file", "/x", "GIT_OBJECT_DIRECTORY", "/y", "PATH", "/usr/bin", "HOME", "/home/me"));
        GitEnvironment.scrub(env);
        assertThat(env).doesNotContainKeys("GIT_DIR", "GIT_WORK_TREE", "git_index_file", "GIT_OBJECT_DIRECTORY")
                .containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/me")
                .containsEntry("GIT_TERMINAL_PROMPT", "0").containsEntry("GIT_LITERAL_PATHSPECS", "1");
    }
}
