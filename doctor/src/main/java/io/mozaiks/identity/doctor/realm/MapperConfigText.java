package io.mozaiks.identity.doctor.realm;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A mapper config in one line, keys sorted, values made printable. */
final class MapperConfigText {

    private MapperConfigText() {
    }

    static String of(Map<String, String> config) {
        return new TreeMap<>(config).entrySet().stream()
                .map(e -> Printable.of(e.getKey()) + "=" + (e.getValue() == null || e.getValue().isEmpty() ? "\"\"" : Printable.of(e.getValue())))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
