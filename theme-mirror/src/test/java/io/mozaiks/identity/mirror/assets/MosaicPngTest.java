package io.mozaiks.identity.mirror.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The committed bg.png is exactly what {@link MosaicPng} makes from the committed background.svg. */
class MosaicPngTest {
    /** Surefire runs in theme-mirror/; the theme is one folder up. */
    private static final Path IMG = Path.of("..", "themes", "mozaiks", "login", "resources", "img");

    @Test
    void committedBackgroundPngIsRegeneratedByteForByte() throws Exception {
        byte[] regenerated = MosaicPng.fromSvg(Files.readAllBytes(IMG.resolve("background.svg")));
        assertThat(regenerated)
                .as("themes/mozaiks/login/resources/img/bg.png is stale; regenerate it as themes/README.md says")
                .isEqualTo(Files.readAllBytes(IMG.resolve("bg.png")));
    }

    @Test
    void anIndependentDecoderSeesTheSvgsColoursAtItsSize() throws Exception {
        BufferedImage image = ImageIO.read(IMG.resolve("bg.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1000);
        // background.svg: base rect #15133a; "M2 2h76v76h-76z" is #2a2768; "M82 722h156v156h-156z" is #134e4a.
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0x15133a);
        assertThat(image.getRGB(2, 2) & 0xffffff).isEqualTo(0x2a2768);
        assertThat(image.getRGB(77, 77) & 0xffffff).isEqualTo(0x2a2768);
        assertThat(image.getRGB(78, 78) & 0xffffff).isEqualTo(0x15133a);
        assertThat(image.getRGB(82 + 155, 722 + 155) & 0xffffff).isEqualTo(0x134e4a);
    }

    @Test
    void smallSvgRendersExactly() throws Exception {
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'>"
                + "<rect width='4' height='3' fill='#000000'/><path fill='#ff0000' d='M1 1h2v1h-2z'/></svg>";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(MosaicPng.fromSvg(svg.getBytes(StandardCharsets.UTF_8))));
        assertThat(image.getRGB(0, 0) & 0xffffff).isZero();
        assertThat(image.getRGB(1, 1) & 0xffffff).isEqualTo(0xff0000);
        assertThat(image.getRGB(2, 1) & 0xffffff).isEqualTo(0xff0000);
        assertThat(image.getRGB(3, 1) & 0xffffff).isZero();
        assertThat(image.getRGB(1, 2) & 0xffffff).isZero();
    }

    @Test
    void anythingButFlatRectanglesIsRefused() {
        String curve = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'><path fill='#ff0000' d='M0 0c1 1 2 2 3 3z'/></svg>";
        assertThatThrownBy(() -> MosaicPng.fromSvg(curve.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("rectangles");
        String circle = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'><circle r='1' fill='#ff0000'/></svg>";
        assertThatThrownBy(() -> MosaicPng.fromSvg(circle.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not supported");
    }

    @Property(tries = 200)
    void theDeflateEncoderRoundTripsThroughJavasInflater(@ForAll @Size(max = 3000) byte[] data,
                                                         @ForAll @IntRange(min = 1, max = 400) int stride) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(MosaicPng.zlib(data, stride));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            out.write(buffer, 0, n);
        }
        assertThat(inflater.finished()).isTrue();
        assertThat(out.toByteArray()).isEqualTo(data);
    }
}
