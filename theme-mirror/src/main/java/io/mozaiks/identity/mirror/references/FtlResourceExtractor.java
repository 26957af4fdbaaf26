package io.mozaiks.identity.mirror.references;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The theme resources a FreeMarker template names through Keycloak's {@code ${url.resourcesPath}}
 * (e.g. {@code <img src="${url.resourcesPath}/img/logo.svg">}): each returned string is the part after
 * the slash, relative to the theme's {@code resources} folder, query and fragment still attached (see
 * {@link UrlReference}). FTL comments {@code <#-- -->} are skipped. {@code url.resourcesCommonPath} points at
 * Keycloak's common theme, not this folder, and is not matched.
 */
public final class FtlResourceExtractor {
    private static final Pattern RESOURCES_PATH = Pattern.compile("\\$\\{\\s*url\\.resourcesPath\\s*}/");
    private static final Pattern COMMENT = Pattern.compile("<#--.*?-->", Pattern.DOTALL);

    private FtlResourceExtractor() {
    }

    public static List<String> references(String template) {
        String text = COMMENT.matcher(template).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher matcher = RESOURCES_PATH.matcher(text);
        while (matcher.find()) {
            int end = matcher.end();
            while (end < text.length() && !ends(text.charAt(end))) {
                end++;
            }
            found.add(text.substring(matcher.end(), end));
        }
        return found;
    }

    /** Characters that end a path in HTML attributes, inline CSS or FreeMarker expressions. */
    private static boolean ends(char c) {
        return Character.isWhitespace(c) || "\"'`()<>,;".indexOf(c) >= 0;
    }
}
