package io.mozaiks.identity.mirror.apply;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The ONLY kind of extra name this tool ever creates in mozaiks-core: {@code .<target>.theme-mirror-<16 hex>.tmp}
 * beside the target. Recognisable, so a run killed before its rename can be cleaned up by the next one,
 * and hidden (leading dot) so it does not catch the eye while it exists.
 */
public final class TempFileNames {
    public static final Pattern PATTERN = Pattern.compile("^\\..+\\.theme-mirror-[0-9a-f]{16}\\.tmp$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempFileNames() {
    }

    public static String forTarget(String targetFileName) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "." + targetFileName + ".theme-mirror-" + HexFormat.of().formatHex(random) + ".tmp";
    }

    public static boolean isOurs(String fileName) {
        return PATTERN.matcher(fileName).matches();
    }
}
