package io.mozaiks.identity.mirror.references;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The keys of a theme's {@code theme.properties} that decide which files a page loads, read with
 * {@link Properties} as Keycloak reads them (UTF-8 since Keycloak 24). {@code styles} is a space-separated
 * list of paths relative to the theme's {@code resources} folder; {@code parent} names one theme;
 * {@code import} is a comma-separated list of {@code type/name}.
 */
public record ThemeProperties(Optional<String> parent, List<String> imports, Optional<List<String>> styles) {
    public static final String PARENT = "parent";
    public static final String IMPORT = "import";
    public static final String STYLES = "styles";

    public static ThemeProperties parse(byte[] content) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Optional<String> parent = Optional.ofNullable(properties.getProperty(PARENT)).map(String::strip)
                .filter(value -> !value.isEmpty());
        List<String> imports = split(properties.getProperty(IMPORT), ",");
        Optional<List<String>> styles = Optional.ofNullable(properties.getProperty(STYLES))
                .map(value -> split(value, "\\s+"));
        return new ThemeProperties(parent, imports, styles);
    }

    private static List<String> split(String value, String separator) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.strip().split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
