package io.mozaiks.identity.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptLineEndingTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void batchFilesNeedCrlfWhateverTheirContent() {
    assertThat(ScriptLineEnding.required("bin/dev-stack.cmd", bytes("@echo off"))).contains("crlf");
    assertThat(ScriptLineEnding.required("tools/X.BAT", bytes("#!odd"))).contains("crlf");
  }

  @Test
  void shebangFilesAndShellScriptsNeedLf() {
    assertThat(ScriptLineEnding.required("bin/dev-stack", bytes("#!/usr/bin/env bash\n"))).contains("lf");
    assertThat(ScriptLineEnding.required("mvnw", bytes("#!/bin/sh"))).contains("lf");
    assertThat(ScriptLineEnding.required(".ci/x/entry.sh", bytes("set -e\n"))).contains("lf");
  }

  @Test
  void otherFilesAreNoScripts() {
    assertThat(ScriptLineEnding.required("README.md", bytes("# mozaiks"))).isEmpty();
    assertThat(ScriptLineEnding.required("docs/img/login.png", new byte[] {(byte) 0x89, 'P'})).isEmpty();
    assertThat(ScriptLineEnding.required("empty", new byte[0])).isEmpty();
    assertThat(ScriptLineEnding.required("bin/cmd", bytes("# #!"))).isEmpty();
  }
}
