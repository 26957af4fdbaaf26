package io.mozaiks.identity.mirror.allowlist;

import io.mozaiks.identity.pathsafety.RelativePath;
import java.util.List;
import java.util.Optional;

/**
 * What may be written in mozaiks-core, fixed in CODE so that editing the allowlist cannot widen it:
 * only image files below the login theme's img folder (mozaiks-core's migration plan allows mirroring
 * the logo and the background image, nothing else).
 */
public final class TargetPolicy {
    /** The only folder (below the mozaiks-core root) that targets may lie in. */
    public static final String TARGET_PREFIX = "examples/keycloak/theme/mozaiks/login/resources/img/";
    public static final List<String> TARGET_PREFIX_SEGMENTS =
            List.of("examples", "keycloak", "theme", "mozaiks", "login", "resources", "img");
    /** Where mozaiks-core keeps its Keycloak themes, by name; the mirrored theme and its type below it. */
    public static final String THEMES_ROOT = "examples/keycloak/theme";
    public static final String THEME_NAME = "mozaiks";
    public static final String THEME_TYPE = "login";
    /** The mirrored theme's resources folder: what its pages reference is resolved relative to it. */
    public static final List<String> THEME_RESOURCES_SEGMENTS =
            List.of("examples", "keycloak", "theme", "mozaiks", "login", "resources");
    /** The layout of older mozaiks-core checkouts; named in the error when the prefix is missing. */
    public static final String OLDER_LAYOUT = "runtime/ai/keycloak/theme/mozaiks/login/";
    /** Image extensions (lower case) a target may have. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("svg", "png", "jpg", "jpeg", "gif", "webp", "ico");

    private TargetPolicy() {
    }

    /** Why this target is not allowed, or empty when it is. */
    public static Optional<String> violation(RelativePath target) {
        if (!target.startsWith(TARGET_PREFIX_SEGMENTS) || target.depth() <= TARGET_PREFIX_SEGMENTS.size()) {
            return Optional.of("target must be a file under " + TARGET_PREFIX);
        }
        if (!IMAGE_EXTENSIONS.contains(target.extension())) {
            return Optional.of("target extension '" + target.extension() + "' is not one of " + IMAGE_EXTENSIONS);
        }
        return Optional.empty();
    }
}
