package io.mozaiks.identity.doctor.env;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code NAME=value} lines as dotenv loaders read them: comments and blank lines skipped, {@code export } and matching quotes removed. */
public final class DotEnv {

    private DotEnv() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            vars.put(line.substring(0, eq).strip(), value);
        }
        return vars;
    }
}
