package io.mozaiks.identity.mirror.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageSignatureTest {

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    @Test
    void theShippedBackgroundIsAPng() throws Exception {
        byte[] png = Files.readAllBytes(Path.of("..", "themes", "mozaiks", "login", "resources", "img", "bg.png"));
        assertThat(ImageSignature.mismatch("png", png)).isEmpty();
    }

    @Test
    void signaturesOfEachFormat() {
        assertThat(ImageSignature.mismatch("jpg", bytes(0xff, 0xd8, 0xff, 0xe0))).isEmpty();
        assertThat(ImageSignature.mismatch("gif", "GIF89a...".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageSignature.mismatch("webp", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageSignature.mismatch("ico", bytes(0, 0, 1, 0, 1))).isEmpty();
        assertThat(ImageSignature.mismatch("svg", "<svg/>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void anLfsPointerOrARenamedFileIsNotAPng() {
        byte[] pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 18103\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(ImageSignature.mismatch("png", pointer)).hasValueSatisfying(why -> assertThat(why).contains("PNG"));
        assertThat(ImageSignature.mismatch("png", bytes(0xff, 0xd8, 0xff, 0xe0))).isPresent();
        assertThat(ImageSignature.mismatch("png", new byte[0])).isPresent();
        assertThat(ImageSignature.mismatch("webp", "RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isPresent();
    }
}
