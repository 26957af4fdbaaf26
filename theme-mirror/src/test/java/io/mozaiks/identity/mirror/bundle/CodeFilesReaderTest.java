package io.mozaiks.identity.mirror.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CodeFilesReaderTest {
    private static List<CodeFile> read(String json, BundleLimits limits) throws Exception {
        return CodeFilesReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limits);
    }

    @Test
    void readsEntriesAndIgnoresExtraFields() throws Exception {
        List<CodeFile> files = read("{\"workflow\":\"x\",\"code_files\":[{\"path\":\"a.py\",\"content\":\"print(1)\\n\",\"language\":\"python\"}]}",
                BundleLimits.DEFAULTS);
        assertThat(files).containsExactly(new CodeFile(0, "a.py", "print(1)\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]                                                              | expected a JSON object",
        "{}                                                              | \"code_files\" is missing",
        "{\"code_files\":{}}                                             | not an array",
        "{\"code_files\":[1]}                                            | code_files[0]: entry is not an object",
        "{\"code_files\":[{\"content\":\"x\"}]}                          | code_files[0]: \"path\" is missing",
        "{\"code_files\":[{\"path\":1,\"content\":\"x\"}]}               | \"path\" is missing or not a string",
        "{\"code_files\":[{\"path\":\"a\"}]}                             | \"content\" is missing",
        "{\"code_files\":[{\"path\":\"a\",\"content\":\"x\",\"path\":\"../b\"}]} | not valid JSON",
        "{\"code_files\":[                                               | not valid JSON"
    })
    void malformedInputIsRefused(String json, String reason) {
        assertThatThrownBy(() -> read(json.strip(), BundleLimits.DEFAULTS))
                .isInstanceOf(BundleRefusedException.class).hasMessageContaining(reason.strip())
                .satisfies(e -> assertThat(((BundleRefusedException) e).limitExceeded()).isFalse());
    }

    @Test
    void fileCountLimitIsReportedAsALimit() {
        String json = "{\"code_files\":[{\"path\":\"a\",\"content\":\"\"},{\"path\":\"b\",\"content\":\"\"},{\"path\":\"c\",\"content\":\"\"}]}";
        assertThatThrownBy(() -> read(json, new BundleLimits(2, 1000, 1000)))
                .isInstanceOf(BundleRefusedException.class).hasMessageContaining("3 files, above the limit of 2 (--max-files)")
                .satisfies(e -> assertThat(((BundleRefusedException) e).limitExceeded()).isTrue());
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() {
        BundleLimits tiny = new BundleLimits(1, 1, 1);
        String json = "{\"code_files\":[{\"path\":\"a\",\"content\":\"" + "x".repeat((int) tiny.maxInputBytes()) + "\"}]}";
        assertThatThrownBy(() -> read(json, tiny)).hasMessageContaining("input is larger than");
    }

    @Test
    void limitsCanOnlyBeLowered() {
        assertThatThrownBy(() -> new BundleLimits(BundleLimits.DEFAULT_MAX_FILES + 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-files");
        assertThatThrownBy(() -> new BundleLimits(1, 0, 1)).hasMessageContaining("--max-total-bytes");
    }
}
