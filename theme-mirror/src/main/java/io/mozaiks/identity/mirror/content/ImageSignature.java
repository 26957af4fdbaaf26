package io.mozaiks.identity.mirror.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks that a raster source starts with its format's signature, so a file that only has an image's name
 * (a Git LFS pointer, an HTML error page saved as bg.png, a renamed JPEG) is refused instead of mirrored.
 * SVG is text and is checked by {@link SvgInspector}.
 */
public final class ImageSignature {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ICO = {0, 0, 1, 0};

    private ImageSignature() {
    }

    /** Why {@code content} is not a file of this (lower-case) extension, or empty when it is or cannot be told. */
    public static Optional<String> mismatch(String extension, byte[] content) {
        boolean ok = switch (extension) {
            case "png" -> startsWith(content, PNG);
            case "jpg", "jpeg" -> startsWith(content, JPEG);
            case "gif" -> startsWith(content, ascii("GIF87a")) || startsWith(content, ascii("GIF89a"));
            case "webp" -> startsWith(content, ascii("RIFF")) && content.length >= 12
                    && Arrays.equals(content, 8, 12, ascii("WEBP"), 0, 4);
            case "ico" -> startsWith(content, ICO);
            default -> true;
        };
        return ok ? Optional.empty()
                : Optional.of("content does not start with the " + extension.toUpperCase(java.util.Locale.ROOT)
                        + " signature (a Git LFS pointer or a renamed file?)");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
